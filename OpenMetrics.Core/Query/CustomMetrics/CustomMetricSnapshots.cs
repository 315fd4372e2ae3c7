using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// Keeps saved funnel-conversion and retention metrics fresh: the snapshot timers compute each one's default view
/// (<see cref="CustomMetricDefinition.View"/>) like a saved funnel, so that a KPI tile reads a kept answer instead of
/// reading the raw events on every load. Trend metrics come from the pre-aggregates, fast enough to compute on each request.
/// </summary>
public sealed class CustomMetricSnapshots(CustomMetricParser parser, ICustomMetricValues values, TimeProvider clock) : ISnapshotAnalysis
{
    public SavedKind Kind => SavedKind.Metrics;

    /// <summary>Whether a metric's default view is answered from its snapshot: the kinds that read the raw events.</summary>
    public static bool IsKept(CustomMetricDefinition metric) => metric.Kind is CustomMetricKind.FunnelConversion or CustomMetricKind.Retention;

    public async Task<JsonObject> ComputeAsync(JsonElement definition, CancellationToken cancellationToken)
    {
        var metric = parser.Parse(definition);
        var id = QueryFields.Text(definition, "id", "id");
        var value = await values.ValueAsync(id, metric, parser.DefaultWindow(metric.View), Interval(metric.View), cancellationToken);
        return JsonSerializer.SerializeToNode(value, QueryJson.Options)!.AsObject();
    }

    public bool IsRecent(JsonElement definition, DateTimeOffset now)
    {
        var metric = parser.Parse(definition);
        if (!IsKept(metric))
        {
            return false;
        }

        // The default view is relative (it ends today), so it always reaches into the last day; a funnel's window or
        // a retention's periods make it move for longer still.
        return parser.DefaultWindow(metric.View).To > clock.GetUtcNow() - TimeSpan.FromDays(1);
    }

    public static TrendInterval Interval(CustomMetricDefaults view) => Enum.Parse<TrendInterval>(view.Interval, ignoreCase: true);
}
