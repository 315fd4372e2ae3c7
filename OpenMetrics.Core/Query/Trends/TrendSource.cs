namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// Where a trend is answered from. <see cref="Auto"/> (the default) takes the pre-aggregates whenever they can answer
/// and the raw events otherwise; the other two force one path (the raw one is how tests and benchmarks compare them).
/// </summary>
public enum TrendSource
{
    Auto,
    Preaggregate,
    Raw,
}
