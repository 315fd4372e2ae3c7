namespace OpenMetrics.Core.Metrics;

/// <summary>The names metric points were ever stored under, for pickers (the dashboard's Insights series).</summary>
public interface IMetricNames
{
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
