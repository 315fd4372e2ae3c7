namespace OpenMetrics.Core.Query.Metrics;

/// <summary>One imported metric as a line of a query: its name, how buckets aggregate it, and the dims it is narrowed to.</summary>
/// <param name="Dims">Only points with all these dimension values; empty: every point of the metric.</param>
public sealed record MetricSeries(string Metric, MetricAgg Agg, IReadOnlyDictionary<string, string> Dims)
{
    public string AggName => Agg.ToString().ToLowerInvariant();
}
