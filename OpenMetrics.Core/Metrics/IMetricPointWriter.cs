namespace OpenMetrics.Core.Metrics;

/// <summary>Stores metric points idempotently per (metric, dims, time): writing a point again replaces it.</summary>
public interface IMetricPointWriter
{
    /// <returns>How many points were written.</returns>
    Task<int> WriteAsync(IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken);
}
