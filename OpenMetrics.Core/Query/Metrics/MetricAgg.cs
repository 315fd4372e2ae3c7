namespace OpenMetrics.Core.Query.Metrics;

/// <summary>How the points of a metric that fall in one bucket make its value (docs/query.md, "Metrics").</summary>
public enum MetricAgg
{
    /// <summary>The sum of the points: for counters (revenue, requests).</summary>
    Sum,

    /// <summary>The average over the points.</summary>
    Avg,

    Min,

    Max,

    /// <summary>The value at the bucket's latest point time (the sum over dims at that time): for gauges (MRR, seats).</summary>
    Last,
}
