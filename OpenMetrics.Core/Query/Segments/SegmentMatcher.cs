using System.Text.Json;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Segments;

/// <summary>
/// Decides which users are in a segment, for one query. Behaviour conditions are turned into user sets up front:
/// from the exact daily user sets of <c>Members</c> when the condition has no filters, from the raw events otherwise.
/// "In the last N days" counts N UTC days ending today. Property conditions read the user's properties now.
/// </summary>
public sealed class SegmentMatcher
{
    private readonly SegmentDefinition _segment;
    private readonly List<HashSet<string>> _behaviorUsers;

    private SegmentMatcher(SegmentDefinition segment, List<HashSet<string>> behaviorUsers)
    {
        _segment = segment;
        _behaviorUsers = behaviorUsers;
    }

    public bool NeedsUserProps => _segment.Filters.Count > 0;

    public static async Task<SegmentMatcher> PrepareAsync(
        SegmentDefinition segment, IUserSetReader members, IEventReader scanner, ISessionUserLookup sessionUsers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sets = new List<HashSet<string>>();
        foreach (var behavior in segment.Behaviors)
        {
            var from = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1 - behavior.WithinDays), TimeSpan.Zero);
            var to = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            if (behavior.Filters.Count == 0)
            {
                var cells = UtcCell.Cover(from, to, CellLevel.Hour, withWeeksAndMonths: true)!;
                var byCell = await members.ReadAsync(cells, behavior.Event, cancellationToken);
                sets.Add([.. byCell.Values.SelectMany(set => set)]);
                continue;
            }

            var matched = new List<StoredEvent>();
            await scanner.ScanAsync(from, to, day =>
            {
                matched.AddRange(day.Where(e => e.Name == behavior.Event && behavior.Filters.All(f => f.Matches(e.Props))));
                return Task.CompletedTask;
            }, cancellationToken);
            await sessionUsers.LoadAsync(matched.Select(e => e.SessionId), cancellationToken);
            sets.Add([.. matched.Select(e => sessionUsers.UserOf(e.SessionId, e.UserKey))]);
        }

        return new SegmentMatcher(segment, sets);
    }

    public bool Matches(string userKey, JsonElement? userProps)
    {
        var results = _segment.Filters.Select(filter => filter.Matches(userProps))
            .Concat(_segment.Behaviors.Select((behavior, index) => _behaviorUsers[index].Contains(userKey) == behavior.Did));
        return _segment.MatchAny ? results.Any(result => result) : results.All(result => result);
    }
}
