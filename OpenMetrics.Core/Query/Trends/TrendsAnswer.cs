namespace OpenMetrics.Core.Query.Trends;

/// <summary>The answer of <c>POST /api/query/trends</c>, field for field as docs/query.md writes it.</summary>
public sealed record TrendsAnswer(IReadOnlyList<TrendsAnswer.Line> Series, TrendsAnswer.Info Meta)
{
    /// <param name="BreakdownValue">The value this line is for; null for "not set", <c>$other</c> for the values past the top N.</param>
    /// <param name="Letter">The query series this line belongs to (null for a formula's line).</param>
    /// <param name="Metric">The imported metric this line shows (null for an event's or a formula's line); its <paramref name="Measure"/> is the agg.</param>
    public sealed record Line(string Label, string? Event, string? BreakdownValue, IReadOnlyList<Point> Points, double? Total, string Measure, string? Letter, string? Metric = null);

    /// <param name="T">The bucket's start, with the offset of the query's time zone.</param>
    /// <param name="V">The value; null only where a formula divides by zero.</param>
    public sealed record Point(DateTimeOffset T, double? V);

    /// <param name="Source"><c>preaggregate</c> or <c>raw</c> for events, <c>metricPoints</c> for imported metrics, joined by <c>+</c> when a trend mixes them.</param>
    /// <param name="Reason">Why the raw events were read, when they were.</param>
    public sealed record Info(string Source, DateTimeOffset ComputedAt, string? Reason, DateTimeOffset From, DateTimeOffset To, string Tz, string Interval, long ElapsedMs);
}
