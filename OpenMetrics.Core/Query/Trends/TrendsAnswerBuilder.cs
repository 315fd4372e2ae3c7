using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// Shapes computed lines into the answer: per series the top N breakdown values by total (ties by value, "not set"
/// last) and one "other" line for the rest, every bucket a point (zeros included), and a formula's line when asked.
/// </summary>
public static class TrendsAnswerBuilder
{
    public const string NotSetLabel = "(not set)";

    public static List<TrendsAnswer.Line> Build(TrendsQuery query, IReadOnlyList<LocalBucket> buckets, TrendTable table)
    {
        var lines = new List<(TrendSeries Series, string? Value, TrendCell[] Cells, TrendCell Total)>();
        for (var index = 0; index < query.Series.Count; index++)
        {
            var series = query.Series[index];
            var ofSeries = table.Lines.Where(line => line.Series == index).ToList();
            if (query.Breakdown is not { } breakdown)
            {
                var line = ofSeries.FirstOrDefault() ?? table.Line(index, null);
                lines.Add((series, null, line.Buckets, line.Total));
                continue;
            }

            var ranked = ofSeries
                .OrderByDescending(line => line.Total.Value(series.Measure))
                .ThenBy(line => line.BreakdownValue is null ? 1 : 0)
                .ThenBy(line => line.BreakdownValue, StringComparer.Ordinal)
                .ToList();
            lines.AddRange(ranked.Take(breakdown.Limit).Select(line => (series, line.BreakdownValue, line.Buckets, line.Total)));
            if (ranked.Count > breakdown.Limit)
            {
                var rest = ranked.Skip(breakdown.Limit).ToList();
                var cells = Enumerable.Range(0, buckets.Count).Select(b => Sum(rest.Select(line => line.Buckets[b]))).ToArray();
                lines.Add((series, Breakdown.Other, cells, Sum(rest.Select(line => line.Total))));
            }
        }

        var answer = lines.Select(line => new TrendsAnswer.Line(
            Label(line.Series, line.Value, query.Breakdown is not null),
            line.Series.Event,
            line.Value,
            [.. buckets.Select((bucket, b) => new TrendsAnswer.Point(bucket.Start, line.Cells[b].Value(line.Series.Measure)))],
            line.Total.Value(line.Series.Measure),
            line.Series.Measure.ToString().ToLowerInvariant(),
            line.Series.Letter)).ToList();

        return query.Formula is { } formula ? ApplyFormula(formula, query, buckets, answer) : answer;
    }

    /// <summary>
    /// The lines of a trend that mixes event and metric series: each series' lines in the order sent (the event lines
    /// computed from <see cref="TrendsQuery.EventSeriesOnly"/>), then the formula over them on the shared buckets.
    /// </summary>
    public static List<TrendsAnswer.Line> Combine(TrendsQuery query, IReadOnlyList<LocalBucket> buckets, IReadOnlyList<TrendsAnswer.Line> eventLines, IReadOnlyList<TrendsAnswer.Line> metricLines)
    {
        var lines = query.Series.SelectMany(series => (series.Metric is null ? eventLines : metricLines).Where(line => line.Letter == series.Letter)).ToList();
        return query.Formula is { } formula ? ApplyFormula(formula, query, buckets, lines) : lines;
    }

    /// <summary>One formula line per breakdown value (or one in all): the series' values for the same value, a missing one as 0.</summary>
    private static List<TrendsAnswer.Line> ApplyFormula(TrendFormula formula, TrendsQuery query, IReadOnlyList<LocalBucket> buckets, List<TrendsAnswer.Line> lines)
    {
        var byValue = lines.GroupBy(line => line.BreakdownValue ?? "\0").ToList();
        return [.. byValue.Select(group =>
        {
            var ofLetter = group.ToDictionary(line => line.Letter![0]);
            var points = buckets.Select((bucket, b) => new TrendsAnswer.Point(
                bucket.Start,
                formula.Evaluate(letter => ofLetter.TryGetValue(letter, out var line) ? line.Points[b].V ?? 0 : 0))).ToList();
            var total = formula.Evaluate(letter => ofLetter.TryGetValue(letter, out var line) ? line.Total ?? 0 : 0);
            var value = group.First().BreakdownValue;
            var label = query.Breakdown is null ? formula.Text : $"{formula.Text} · {value ?? NotSetLabel}";
            return new TrendsAnswer.Line(label, null, value, points, total, "formula", null);
        })];
    }

    private static TrendCell Sum(IEnumerable<TrendCell> cells)
    {
        var sum = new TrendCell();
        foreach (var cell in cells)
        {
            sum.Add(cell);
        }

        return sum;
    }

    private static string Label(TrendSeries series, string? value, bool brokenDown) =>
        !brokenDown ? series.Label : $"{series.Label} · {value switch { null => NotSetLabel, Breakdown.Other => "Other", _ => value }}";
}
