using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// A custom metric's value over a window (docs/metrics-alerts.md): what <c>GET /api/metrics/{id}/value</c> answers,
/// KPI tiles show and alerts check, computed by the engines of the views.
/// </summary>
public interface ICustomMetricValues
{
    /// <summary>The saved metric <paramref name="id"/>, checked; a 404 <see cref="QueryException"/> when there is none.</summary>
    Task<CustomMetricDefinition> FindAsync(string id, CancellationToken cancellationToken);

    /// <param name="id">The saved metric's id, for the answer's meta; null for an inline definition (an alert's query).</param>
    Task<CustomMetricValue> ValueAsync(string? id, CustomMetricDefinition metric, MetricWindow window, TrendInterval interval, CancellationToken cancellationToken);
}
