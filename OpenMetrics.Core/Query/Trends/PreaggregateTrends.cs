using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// Answers a trend from the pre-aggregates when they hold the answer exactly: counts, sums, averages, minimums and
/// maximums add up over UTC cells, unique and active users are unions of exact user sets, and a breakdown or an
/// equality filter on an event property reads the counts per value. Anything else (segments, user or session
/// properties, several filters, a value counted as <c>$other</c>) is the raw path's, and this says why.
/// </summary>
public sealed class PreaggregateTrends(IPreaggregateReader counts, IUserSetReader users)
{
    /// <summary>Why the pre-aggregates cannot answer this query at all; null when they may.</summary>
    public static string? WhyNot(TrendsQuery query)
    {
        if (query.Segment is not null || query.SegmentId is not null)
        {
            return "a segment needs each user's properties and behaviour";
        }

        if (query.Breakdown is { } breakdown && (breakdown.On != PropertyScope.Event || query.Series.Any(s => s.Measure != TrendMeasure.Count || s.Filters.Count > 0)))
        {
            return "only event counts without filters can be broken down from pre-aggregates";
        }

        foreach (var series in query.Series)
        {
            var reason = series.Measure switch
            {
                TrendMeasure.Count when series.Filters.Count > 1 => "several filters on one series",
                TrendMeasure.Count when series.Filters.Count == 1 && !IsValueFilter(series.Filters[0]) => "a filter other than eq/in on a text value of an event property",
                TrendMeasure.Uniques when series.IsAnyEvent => "unique users of any event",
                TrendMeasure.Active when !series.IsAnyEvent => "active users of one event",
                not TrendMeasure.Count when series.Filters.Count > 0 => "a filter on a measure other than count",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The trend's lines; null when the stored figures turn out not to be exact for it (values counted as <c>$other</c>).</summary>
    public async Task<TrendTable?> ComputeAsync(TrendsQuery query, IReadOnlyList<LocalBucket> buckets, CancellationToken cancellationToken)
    {
        var table = new TrendTable(buckets.Count);
        var countSeries = query.Series.Select((s, i) => (Series: s, Index: i)).Where(p => p.Series.Measure is not (TrendMeasure.Uniques or TrendMeasure.Active)).ToList();
        var userSeries = query.Series.Select((s, i) => (Series: s, Index: i)).Where(p => p.Series.Measure is TrendMeasure.Uniques or TrendMeasure.Active).ToList();

        if (countSeries.Count > 0 && !await AddCountsAsync(query, buckets, countSeries, table, cancellationToken))
        {
            return null;
        }

        if (userSeries.Count > 0 && !await AddUsersAsync(buckets, userSeries, table, cancellationToken))
        {
            return null;
        }

        return table;
    }

    private async Task<bool> AddCountsAsync(
        TrendsQuery query, IReadOnlyList<LocalBucket> buckets, List<(TrendSeries Series, int Index)> seriesList, TrendTable table, CancellationToken cancellationToken)
    {
        var cellsOf = new List<UtcCell>[buckets.Count];
        for (var b = 0; b < buckets.Count; b++)
        {
            if (UtcCell.Cover(buckets[b].From, buckets[b].To, CellLevel.Minute, withWeeksAndMonths: false) is not { } cells)
            {
                return false;
            }

            cellsOf[b] = cells;
        }

        var events = seriesList.Any(p => p.Series.IsAnyEvent) ? null : seriesList.Select(p => p.Series.Event).Distinct(StringComparer.Ordinal).ToList();
        var withValues = query.Breakdown is not null || seriesList.Any(p => p.Series.Filters.Count > 0);
        var figures = await counts.ReadAsync([.. cellsOf.SelectMany(c => c).Distinct()], events, withValues, cancellationToken);

        foreach (var (series, index) in seriesList)
        {
            for (var b = 0; b < buckets.Count; b++)
            {
                foreach (var cell in cellsOf[b])
                {
                    foreach (var cellFigures in figures.All(cell, series.MatchesName))
                    {
                        if (!AddFigures(query, series, index, b, cellFigures, table))
                        {
                            return false;
                        }
                    }
                }
            }

            // A series with no events at all still has its line of zeros.
            if (query.Breakdown is null)
            {
                table.Line(index, null);
            }
        }

        return true;
    }

    private static bool AddFigures(TrendsQuery query, TrendSeries series, int index, int bucket, BucketFigures figures, TrendTable table)
    {
        if (query.Breakdown is { } breakdown)
        {
            if (!ExactValues(figures, breakdown.Prop, out var values))
            {
                return false;
            }

            var valued = 0L;
            foreach (var (value, count) in values)
            {
                Add(table.Line(index, value), bucket, count, null);
                valued += count;
            }

            if (figures.Count > valued)
            {
                Add(table.Line(index, null), bucket, figures.Count - valued, null);
            }

            return true;
        }

        if (series.Filters is [var filter])
        {
            if (!ExactValues(figures, filter.Prop, out var values))
            {
                return false;
            }

            var matching = values.Where(pair => filter.Matches(JsonSerializer.SerializeToElement(new Dictionary<string, string> { [filter.Prop] = pair.Key }))).Sum(pair => pair.Value);
            Add(table.Line(index, null), bucket, matching, null);
            return true;
        }

        Add(table.Line(index, null), bucket, figures.Count, series.Prop is { } prop && figures.Numeric.TryGetValue(prop, out var stats) ? stats : null);
        return true;
    }

    private static void Add(TrendLine line, int bucket, long count, NumericStats? numbers)
    {
        line.Buckets[bucket].AddFigures(count, numbers);
        line.Total.AddFigures(count, numbers);
    }

    /// <summary>
    /// The counts per value of a property, when they are exact: no value of it was counted as <c>$other</c>, and it was
    /// not left out because the bucket already tracked the most properties it may.
    /// </summary>
    private static bool ExactValues(BucketFigures figures, string prop, out IReadOnlyDictionary<string, long> values)
    {
        if (figures.Values.TryGetValue(prop, out var counts))
        {
            values = counts;
            return !counts.ContainsKey(Breakdown.Other);
        }

        values = new Dictionary<string, long>();
        return figures.Values.Count < AggregateLimits.MaxTrackedProps;
    }

    private async Task<bool> AddUsersAsync(IReadOnlyList<LocalBucket> buckets, List<(TrendSeries Series, int Index)> seriesList, TrendTable table, CancellationToken cancellationToken)
    {
        var cellsOf = new List<UtcCell>[buckets.Count];
        for (var b = 0; b < buckets.Count; b++)
        {
            if (UtcCell.Cover(buckets[b].From, buckets[b].To, CellLevel.Hour, withWeeksAndMonths: true) is not { } cells)
            {
                return false;
            }

            cellsOf[b] = cells;
        }

        var allCells = cellsOf.SelectMany(c => c).Distinct().ToList();
        foreach (var (series, index) in seriesList)
        {
            var eventPart = series.Measure == TrendMeasure.Active ? IUserSetReader.ActiveUsers : series.Event;
            var sets = await users.ReadAsync(allCells, eventPart, cancellationToken);
            var line = table.Line(index, null);
            for (var b = 0; b < buckets.Count; b++)
            {
                foreach (var cell in cellsOf[b])
                {
                    line.Buckets[b].Users.UnionWith(sets[cell]);
                    line.Total.Users.UnionWith(sets[cell]);
                }
            }
        }

        return true;
    }

    /// <summary>eq/in on an event property with text values that are not numbers: counts per value answer it exactly.</summary>
    private static bool IsValueFilter(PropertyFilter filter)
    {
        if (filter.On != PropertyScope.Event || filter.Op is not (FilterOp.Eq or FilterOp.In) || filter.Value is not { } value)
        {
            return false;
        }

        var candidates = filter.Op == FilterOp.In ? value.EnumerateArray().ToList() : [value];
        return candidates.All(c => c.ValueKind is JsonValueKind.True or JsonValueKind.False
            || (c.ValueKind == JsonValueKind.String && !double.TryParse(c.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
    }
}
