using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.People;

/// <summary>A user in a search answer (docs/query.md: <c>userId</c>, <c>firstSeen</c>, <c>lastSeen</c>, <c>props</c>).</summary>
/// <param name="Anonymous">The user of a session that no setUserId has named yet (<c>$anon:{sessionId}</c>).</param>
public sealed record UserSummary(string UserId, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, JsonObject Props, bool Anonymous);
