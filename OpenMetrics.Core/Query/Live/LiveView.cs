using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.Live;

/// <summary>
/// What is happening now (docs/semantics.md, "Live"). Per minute: the pre-aggregates' minute rows, which count a message
/// as soon as the poller has processed it. Active users and the newest events: the raw events of the current UTC hour
/// (and the previous one, when the 5 minutes reach into it or the newest events are too few), their sessions' users
/// resolved now, so that a setUserId moves them (docs/semantics.md, "Identity"). Active users leave out events logged
/// with <c>options.active: false</c> (docs/semantics.md, "Active users"). Nothing is cached: each call reads storage.
/// </summary>
public sealed class LiveView(IMinuteCounts minuteCounts, IRecentEvents recentEvents, IIdentityReader identity, TimeProvider clock)
{
    public const int Minutes = 60;
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromMinutes(5);

    /// <param name="eventName">When given, all three figures are of this event only.</param>
    /// <param name="latestCount">How many of the newest events to list.</param>
    public async Task<LiveAnswer> ReadAsync(string? eventName, int latestCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var currentMinute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var firstMinute = currentMinute.AddMinutes(1 - Minutes);
        var counts = minuteCounts.ReadAsync(firstMinute, Minutes, eventName, cancellationToken);

        var currentHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var previousHour = currentHour.AddHours(-1);
        var activeSince = now - ActiveWindow;
        var recent = Keep(await recentEvents.ReadAsync(activeSince < currentHour ? [currentHour, previousHour] : [currentHour], activeSince, null, cancellationToken), eventName);
        if (recent.Count < latestCount)
        {
            recent.AddRange(Keep(await recentEvents.ReadAsync([currentHour, previousHour], previousHour, activeSince, cancellationToken), eventName));
        }

        var latest = recent
            .OrderByDescending(e => e.Ts).ThenByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Seq)
            .Take(latestCount)
            .ToList();
        var active = recent.Where(e => e.Active && e.Ts >= activeSince).ToList();
        // Point reads in chunks the size SessionUsers reads point by point: a busy five minutes must not turn into a
        // scan of every session row ever written, which is what it does for a larger set at once.
        var users = identity.SessionUsers();
        foreach (var sessions in active.Concat(latest).Select(e => e.SessionId).Distinct(StringComparer.Ordinal).Chunk(ISessionUserLookup.PointReadLimit))
        {
            await users.LoadAsync(sessions, cancellationToken);
        }

        var perMinute = (await counts).Select((count, index) => new MinuteCount(firstMinute.AddMinutes(index), count)).ToList();
        var activeUsers = active.Select(e => users.UserOf(e.SessionId, e.UserKey)).Distinct(StringComparer.Ordinal).Count();
        var stream = latest.Select(e => new LiveEvent(e.Name, e.Ts, users.UserOf(e.SessionId, e.UserKey), e.Props, e.SessionId)).ToList();
        return new LiveAnswer(perMinute, activeUsers, stream, now);
    }

    private static List<StoredEvent> Keep(List<StoredEvent> events, string? eventName) =>
        eventName is null ? events : events.Where(e => string.Equals(e.Name, eventName, StringComparison.Ordinal)).ToList();
}
