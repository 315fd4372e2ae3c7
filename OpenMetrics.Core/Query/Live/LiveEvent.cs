using System.Text.Json;

namespace OpenMetrics.Core.Query.Live;

/// <summary>One event of the live stream (docs/query.md: <c>event</c>, <c>ts</c>, <c>userId</c>, <c>props</c>); the user is the session's user now.</summary>
public sealed record LiveEvent(string Event, DateTimeOffset Ts, string UserId, JsonElement? Props, string SessionId);
