using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query.People;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Query.People;

/// <summary>
/// A user's events newest first over all their sessions (merged anonymous sessions included), a page at a time: a
/// merge of each session's newest-first stream (<see cref="SessionEventStream"/>). A session is read only while it
/// could still hold an event newer than the best one in hand, so a page of a user with many sessions reads the few
/// sessions that overlap it, not all of them; a cursor skips sessions that began after it.
/// </summary>
public sealed class UserTimeline(UserSessions userSessions, ISessionEventReader pages)
{
    /// <summary>Sessions read at once; also how many a first read starts with.</summary>
    private const int ParallelReads = 16;

    public async Task<(IReadOnlyList<TimelineEvent> Events, string? Next)> ReadAsync(string userKey, int limit, TimelineFilter filter, CancellationToken cancellationToken)
    {
        var links = await userSessions.ReadAsync(userKey, withProps: false, cancellationToken);

        // A first read of a fifth as many rows as the page has events: rows often hold several events each.
        var firstRows = Math.Clamp((limit + 1) / 5, 5, 200);
        var streams = links.Sessions
            .Where(session => filter.Before is null || session.FirstSeen is null || session.FirstSeen <= filter.Before.Ts)
            .Select(session => new SessionEventStream(
                (continuation, rows) => pages.ReadAsync(session.SessionId, filter.Before?.Ts, continuation, rows, cancellationToken),
                filter,
                session.LastSeen is { } last ? last + IdentityStore.LastSeenResolution : DateTimeOffset.MaxValue,
                firstRows))
            .ToList();
        var taken = await MergeAsync(streams, limit + 1, cancellationToken);
        var next = taken.Count > limit ? TimelineCursor.Encode(TimelinePosition.Of(taken[limit - 1])) : null;
        return ([.. taken.Take(limit).Select(e => new TimelineEvent(e.Name, e.Ts, e.Props, e.SessionId))], next);
    }

    private static async Task<List<StoredEvent>> MergeAsync(List<SessionEventStream> streams, int wanted, CancellationToken cancellationToken)
    {
        var taken = new List<StoredEvent>(wanted);
        while (taken.Count < wanted)
        {
            var newest = streams.Where(s => s.Head is not null).MaxBy(s => TimelinePosition.Of(s.Head!), TimelinePosition.OldestFirst);
            var unread = streams.Where(s => s.Bound is not null);

            // With an event in hand, every stream that could still hold a newer (or equally timed) one is read first;
            // with none, the streams most likely to hold the newest events are.
            var toRead = newest?.Head is { } best
                ? unread.Where(s => s.Bound >= best.Ts).ToList()
                : unread.OrderByDescending(s => s.Bound).Take(ParallelReads).ToList();
            if (toRead.Count > 0)
            {
                await Parallel.ForEachAsync(toRead, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (stream, _) => await stream.ReadAsync());
                continue;
            }

            if (newest is null)
            {
                break;
            }

            taken.Add(newest.Take());
        }

        return taken;
    }
}
