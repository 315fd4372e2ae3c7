namespace OpenMetrics.Core.Metrics;

/// <summary>Reads the points of one metric in a time range, optionally only those whose dimensions match.</summary>
public interface IMetricPointReader
{
    /// <param name="dims">Only points with these dimension values (all of them); null or empty: every point.</param>
    IAsyncEnumerable<MetricPoint> ReadAsync(string metric, DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string>? dims, CancellationToken cancellationToken);
}
