using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.People;

/// <summary>One session of a user, as a profile lists it (docs/query.md: <c>sessionId</c>, <c>props</c>, <c>firstSeen</c>, <c>lastSeen</c>).</summary>
/// <param name="LastSeen">Moves in steps of a minute (docs/semantics.md): the session's last event is at most a minute later.</param>
public sealed record UserSession(string SessionId, JsonObject Props, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);
