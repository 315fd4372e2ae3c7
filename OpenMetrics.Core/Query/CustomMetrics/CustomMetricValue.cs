namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// The answer of <c>GET /api/metrics/{id}/value</c> (docs/metrics-alerts.md): the value over the range, the previous
/// period's, the change in percent (null when the previous is 0 or unknown), and the series at the interval.
/// </summary>
public sealed record CustomMetricValue(double? Value, double? Previous, double? ChangePct, IReadOnlyList<CustomMetricPoint> Series, CustomMetricValue.Info Meta)
{
    /// <param name="Incomplete">The range is still in progress: the value can still move, and <see cref="PreviousFrom"/>..<see cref="PreviousTo"/> covers as much of the previous period as has passed of this one.</param>
    /// <param name="Source">Where the numbers come from, as the view's answer says it: <c>preaggregate</c>, <c>raw</c>, <c>metricPoints</c>.</param>
    public sealed record Info(
        string? Id,
        string Title,
        string Kind,
        string Unit,
        CustomMetricGoal? Goal,
        DateTimeOffset From,
        DateTimeOffset To,
        DateTimeOffset PreviousFrom,
        DateTimeOffset PreviousTo,
        string Tz,
        string Interval,
        bool Incomplete,
        string Source,
        DateTimeOffset ComputedAt);
}

/// <param name="T">The bucket's start in the zone (a trend's bucket, the cohorts that entered or started in it).</param>
/// <param name="V">The bucket's value; null where it has none (no one entered the funnel, an empty cohort).</param>
/// <param name="Incomplete">The bucket can still move: it has not ended, its conversions' window has not, or its cohorts' period N has not.</param>
public sealed record CustomMetricPoint(DateTimeOffset T, double? V, bool Incomplete);

/// <summary>What one kind computes for a window: the value, the series, whether either can still move.</summary>
public sealed record KindValue(double? Value, IReadOnlyList<CustomMetricPoint> Series, bool Incomplete, string Source);
