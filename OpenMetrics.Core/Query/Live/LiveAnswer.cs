namespace OpenMetrics.Core.Query.Live;

/// <summary>
/// The answer of <c>GET /api/live</c> (docs/query.md): events per minute for exactly the last 60 UTC minutes, oldest first
/// and the current minute last, zeros included; distinct active users in the last 5 minutes; the newest events,
/// newest first. <c>computedAt</c> is the server time the answer was computed at.
/// </summary>
public sealed record LiveAnswer(IReadOnlyList<MinuteCount> PerMinute, int ActiveUsers5m, IReadOnlyList<LiveEvent> Latest, DateTimeOffset ComputedAt);
