using System.Text.Json;

namespace OpenMetrics.Core.Query.People;

/// <summary>One event of a user's timeline (docs/query.md: <c>event</c>, <c>ts</c>, <c>props</c>, <c>sessionId</c>).</summary>
/// <param name="Props">The event's properties as logged; null when it had none.</param>
public sealed record TimelineEvent(string Event, DateTimeOffset Ts, JsonElement? Props, string SessionId);
