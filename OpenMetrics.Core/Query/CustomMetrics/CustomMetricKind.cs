namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>What a custom metric measures (docs/metrics-alerts.md): each kind is answered by the engine of the view it comes from.</summary>
public enum CustomMetricKind
{
    /// <summary>A trends query: one series, or a formula over several (imported metric series included).</summary>
    Trend,

    /// <summary>A funnel's conversion from one step to a later one, as a fraction.</summary>
    FunnelConversion,

    /// <summary>A retention's period-N rate, as a fraction.</summary>
    Retention,

    /// <summary>An imported metric with its aggregation.</summary>
    Metric,
}
