namespace OpenMetrics.Core.Query;

/// <summary>
/// Bounds on what one query may ask, from configuration section <c>OpenMetrics:Query</c>. They keep every answer
/// within seconds and a Consumption instance's memory; a query beyond them is a 400 that says which bound it crossed.
/// </summary>
public sealed class QueryLimits
{
    public const string Section = "OpenMetrics:Query";

    /// <summary>Series in one trend (A to J for formulas).</summary>
    public int MaxSeries { get; set; } = 10;

    /// <summary>Buckets per series: a day of minutes, two months of hours, five years of days.</summary>
    public int MaxBuckets { get; set; } = 2000;

    /// <summary>The longest range answered from raw events (pre-aggregates answer any range).</summary>
    public int MaxRawScanDays { get; set; } = 92;

    /// <summary>
    /// The longest span of raw events a funnel or retention reads: its range plus the conversion window or the return
    /// periods after the last cohort, and for first-time cohorts the start of the first cohort's UTC month.
    /// </summary>
    public int MaxAnalysisReadDays { get; set; } = 190;

    /// <summary>Events one raw scan may read before it gives up with a 400 asking for a narrower range.</summary>
    public long MaxRawScanEvents { get; set; } = 20_000_000;

    /// <summary>Points of one imported metric one query may read (a minute metric has about 525,600 a year).</summary>
    public int MaxMetricPoints { get; set; } = 1_000_000;

    /// <summary>Values a breakdown may show besides "other".</summary>
    public int MaxBreakdownLimit { get; set; } = 100;
}
