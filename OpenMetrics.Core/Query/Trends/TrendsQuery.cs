using OpenMetrics.Core.Query.Segments;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>A validated <c>POST /api/query/trends</c> (docs/query.md): every field checked, times resolved to instants.</summary>
/// <param name="From">Inclusive start of the range.</param>
/// <param name="To">Exclusive end of the range.</param>
/// <param name="SegmentId">A saved segment to restrict to, still to be read; <paramref name="Segment"/> is an inline one.</param>
public sealed record TrendsQuery(
    IReadOnlyList<TrendSeries> Series,
    TrendInterval Interval,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeZoneInfo Zone,
    TrendBreakdown? Breakdown,
    string? SegmentId,
    SegmentDefinition? Segment,
    TrendFormula? Formula,
    TrendSource Source)
{
    public bool HasMetricSeries => Series.Any(series => series.Metric is not null);

    /// <summary>The event series alone, for the event paths; the formula is applied once every line is known.</summary>
    public TrendsQuery EventSeriesOnly() => this with { Series = [.. Series.Where(series => series.Metric is null)], Formula = null };
}
