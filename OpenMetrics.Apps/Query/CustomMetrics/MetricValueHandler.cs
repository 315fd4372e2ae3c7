using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.CustomMetrics;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Apps.Query.CustomMetrics;

/// <summary>
/// <c>GET /api/metrics/{id}/value?range=30d&amp;interval=week&amp;tz=…</c> (or <c>from</c> and <c>to</c>): a saved
/// metric's value, previous period, change and series. Arguments left out come from the metric's <c>view</c>; a
/// funnel or retention metric asked for its default view is answered from the snapshot the timers keep fresh.
/// </summary>
public sealed class MetricValueHandler(
    ICustomMetricValues values, CustomMetricSnapshots snapshots, SnapshotAnswers answers, TrendsQueryParser trends) : IQueryHandler
{
    private static readonly string[] WindowArguments = ["range", "from", "to", "tz", "interval"];

    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var metricId = id ?? throw new QueryException("The route needs a metric id.", "id");
        var metric = await values.FindAsync(metricId, cancellationToken);
        if (CustomMetricSnapshots.IsKept(metric) && WindowArguments.All(name => QueryStringArguments.Text(request, name) is null))
        {
            var body = JsonSerializer.SerializeToElement(new JsonObject { ["id"] = metricId });
            return QueryAnswers.Answer(await answers.AnswerAsync(snapshots, body, cancellationToken));
        }

        var (window, interval) = Window(request, metric.View);
        return QueryAnswers.Answer(await values.ValueAsync(metricId, metric, window, interval, cancellationToken));
    }

    /// <summary>The arguments read as a trends query reads the same fields, so that a mistake is the same 400.</summary>
    private (MetricWindow Window, TrendInterval Interval) Window(HttpRequest request, CustomMetricDefaults view)
    {
        var fields = new JsonObject
        {
            ["tz"] = QueryStringArguments.Text(request, "tz") ?? view.Tz,
            ["interval"] = QueryStringArguments.Text(request, "interval") ?? view.Interval,
            ["series"] = new JsonArray(new JsonObject { ["event"] = "*" }),
        };
        var from = QueryStringArguments.Text(request, "from");
        var to = QueryStringArguments.Text(request, "to");
        if (from is not null || to is not null)
        {
            fields["from"] = from;
            fields["to"] = to;
        }
        else
        {
            fields["range"] = QueryStringArguments.Text(request, "range") ?? view.Range;
        }

        var parsed = trends.Parse(JsonSerializer.SerializeToElement(fields));
        return (new MetricWindow(parsed.From, parsed.To, parsed.Zone), parsed.Interval);
    }
}
