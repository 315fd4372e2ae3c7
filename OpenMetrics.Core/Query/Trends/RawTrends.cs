using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query.Segments;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// Answers any trend from the raw events: every event of the range is read once, its user resolved as of now, and
/// counted in each series whose event and filters it matches. Exact for every measure, filter, breakdown and segment;
/// bounded by <see cref="QueryLimits"/> because it costs one read per page of events.
/// </summary>
public sealed class RawTrends(IEventReader scanner, QueryLimits limits)
{
    public async Task<TrendTable> ComputeAsync(
        TrendsQuery query, IReadOnlyList<LocalBucket> buckets, QueryIdentity people, SegmentMatcher? segment, CancellationToken cancellationToken)
    {
        if ((query.To - query.From).TotalDays > limits.MaxRawScanDays)
        {
            throw new QueryException(
                $"This query needs the raw events (for its filters, breakdown, segment or measure) and its range is longer than {limits.MaxRawScanDays} days. Narrow the range.",
                "from");
        }

        var table = new TrendTable(buckets.Count);
        var starts = buckets.Select(b => b.From.UtcTicks).ToArray();
        var needsUsers = segment is not null || query.Series.Any(s => s.Measure is TrendMeasure.Uniques or TrendMeasure.Active || s.Filters.Any(f => f.On != PropertyScope.Event))
            || query.Breakdown is { On: not PropertyScope.Event };
        var needsUserProps = (segment?.NeedsUserProps ?? false) || Reads(query, PropertyScope.User);
        var needsSessionProps = Reads(query, PropertyScope.Session);

        // Days arrive one at a time; identity lookups for a day are loaded before its events are counted.
        await scanner.ScanAsync(query.From, query.To, async day =>
        {
            await people.LoadForDayAsync(day, needsUsers, needsUserProps, needsSessionProps, cancellationToken);

            foreach (var stored in day)
            {
                Count(query, stored, starts, table, people, segment);
            }
        }, cancellationToken);

        return table;
    }

    private static void Count(TrendsQuery query, StoredEvent stored, long[] starts, TrendTable table, QueryIdentity people, SegmentMatcher? segment)
    {
        var user = people.Sessions.UserOf(stored.SessionId, stored.UserKey);
        if (segment is not null && !segment.Matches(user, people.UserProps.Of(user)))
        {
            return;
        }

        var bucket = Array.BinarySearch(starts, stored.Ts.UtcTicks);
        bucket = bucket >= 0 ? bucket : ~bucket - 1;
        for (var index = 0; index < query.Series.Count; index++)
        {
            var series = query.Series[index];
            if (!series.MatchesName(stored.Name) || (series.Measure == TrendMeasure.Active && !stored.Active)
                || !series.Filters.All(filter => filter.Matches(PropsOf(filter.On, stored, user, people))))
            {
                continue;
            }

            var value = query.Breakdown is { } breakdown && PropsOf(breakdown.On, stored, user, people) is { ValueKind: JsonValueKind.Object } props
                && props.TryGetProperty(breakdown.Prop, out var raw) ? PropertyFilter.Text(raw) : null;
            var number = series.Prop is { } prop && stored.Props is { ValueKind: JsonValueKind.Object } eventProps
                && eventProps.TryGetProperty(prop, out var numeric) && numeric.ValueKind == JsonValueKind.Number && numeric.TryGetDouble(out var parsed) && double.IsFinite(parsed)
                ? parsed
                : (double?)null;
            var line = table.Line(index, value);
            foreach (var cell in new[] { line.Buckets[bucket], line.Total })
            {
                cell.AddEvent(number);
                if (series.Measure is TrendMeasure.Uniques or TrendMeasure.Active)
                {
                    cell.Users.Add(user);
                }
            }
        }
    }

    private static JsonElement? PropsOf(PropertyScope scope, StoredEvent stored, string user, QueryIdentity people) => scope switch
    {
        PropertyScope.User => people.UserProps.Of(user),
        PropertyScope.Session => people.SessionProps.Of(stored.SessionId),
        _ => stored.Props,
    };

    private static bool Reads(TrendsQuery query, PropertyScope scope) =>
        query.Breakdown?.On == scope || query.Series.Any(s => s.Filters.Any(f => f.On == scope));
}
