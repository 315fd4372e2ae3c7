using System.Text.Json;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// Computes a metric's value, its previous period's and its series by its kind's engine (<see cref="TrendMetricValues"/>,
/// <see cref="FunnelConversionValues"/>, <see cref="RetentionMetricValues"/>), and compares them (<see cref="MetricPeriods"/>).
/// </summary>
public sealed class CustomMetricValues(
    ISavedItems saved, CustomMetricParser parser, TrendMetricValues trends, FunnelConversionValues funnels, RetentionMetricValues retentions, TimeProvider clock)
    : ICustomMetricValues
{
    public async Task<CustomMetricDefinition> FindAsync(string id, CancellationToken cancellationToken)
    {
        var item = await saved.GetAsync(SavedKind.Metrics, id, cancellationToken) ?? throw QueryException.NotFound($"The metric '{id}'");
        using var document = JsonDocument.Parse(item.ToJsonString());
        return parser.Parse(document.RootElement);
    }

    public async Task<CustomMetricValue> ValueAsync(
        string? id, CustomMetricDefinition metric, MetricWindow window, TrendInterval interval, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var previousWindow = MetricPeriods.Previous(window, now);
        var (current, previous) = metric.Kind switch
        {
            CustomMetricKind.FunnelConversion => await funnels.ComputeAsync(metric, window, previousWindow, interval, cancellationToken),
            CustomMetricKind.Retention => await retentions.ComputeAsync(metric, window, previousWindow, interval, cancellationToken),
            _ => (await trends.ComputeAsync(metric, window, interval, cancellationToken), await trends.TotalAsync(metric, previousWindow, cancellationToken)),
        };
        var meta = new CustomMetricValue.Info(
            id, metric.Title, Name(metric.Kind), metric.Unit, metric.Goal, window.From, window.To, previousWindow.From, previousWindow.To,
            window.Zone.Id, interval.ToString().ToLowerInvariant(), current.Incomplete, current.Source, now);
        return new CustomMetricValue(current.Value, previous, MetricPeriods.ChangePct(current.Value, previous), current.Series, meta);
    }

    private static string Name(CustomMetricKind kind) => kind switch
    {
        CustomMetricKind.FunnelConversion => "funnelConversion",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
