using System.Globalization;
using System.Text.Json;
using Azure.Core;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// The Azure Monitor metrics REST API (<c>GET {resourceId}/providers/Microsoft.Insights/metrics</c>, api-version
/// 2023-10-01): one point per <c>value[].timeseries[].data[]</c> entry that has the aggregation's value, its dims the
/// series' <c>metadatavalues</c> (there are some when <c>$filter</c> splits by a dimension). A <c>nextLink</c>, when the
/// answer has one, is followed, on the same host only (the bearer token goes with it).
/// </summary>
internal sealed class AzureMonitorPuller(SourcePipelines pipelines)
{
    public const string Service = "Azure Monitor";
    private const string ApiVersion = "2023-10-01";
    private const string Role = "Monitoring Reader on the resource";
    private const int MaxPages = 50;

    public async Task<IReadOnlyList<MetricPoint>> PullAsync(MetricSource source, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var pull = source.AzureMonitor!;
        var points = new List<MetricPoint>();
        var uri = FirstPage(pull, from, to);
        for (var page = 0; uri is not null && page < MaxPages; page++)
        {
            var content = await AzureCalls.SendAsync(pipelines.AzureMonitor, RequestMethod.Get, uri, null, Service, Role, pipelines.Connections.MaxRetries, cancellationToken);
            using var document = JsonDocument.Parse(content);
            Read(document.RootElement, source.Metric, pull, points);
            uri = NextPage(document.RootElement);
        }

        return points;
    }

    private Uri FirstPage(AzureMonitorPull pull, DateTimeOffset from, DateTimeOffset to)
    {
        var query = new List<string>
        {
            $"api-version={ApiVersion}",
            $"metricnames={Uri.EscapeDataString(pull.MetricName)}",
            $"aggregation={pull.Aggregation}",
            $"interval={pull.IntervalText}",
            $"timespan={Uri.EscapeDataString(Iso(from) + "/" + Iso(to))}",
        };
        if (pull.Filter is { } filter)
        {
            query.Add($"$filter={Uri.EscapeDataString(filter)}");
        }

        var path = string.Join('/', pull.ResourceId.Split('/').Select(Uri.EscapeDataString));
        return new Uri(pipelines.Connections.AzureMonitorUrl, $"{path}/providers/Microsoft.Insights/metrics?{string.Join('&', query)}");
    }

    private Uri? NextPage(JsonElement root)
    {
        var link = root.TryGetProperty("nextLink", out var next) || root.TryGetProperty("@odata.nextLink", out next) ? next.GetString() : null;
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        var uri = new Uri(pipelines.Connections.AzureMonitorUrl, link);
        return uri.Authority.Equals(pipelines.Connections.AzureMonitorUrl.Authority, StringComparison.OrdinalIgnoreCase)
            ? uri
            : throw new SourcePullException($"{Service} answered a nextLink to another host ({uri.Host}); it was not followed, so that the app's token stays with Azure.");
    }

    private static void Read(JsonElement root, string metric, AzureMonitorPull pull, List<MetricPoint> points)
    {
        var field = pull.Aggregation.ToLowerInvariant();
        foreach (var value in Items(root, "value"))
        {
            if (value.TryGetProperty("errorCode", out var code) && code.GetString() is { Length: > 0 } errorCode && errorCode != "Success")
            {
                var message = value.TryGetProperty("errorMessage", out var m) ? m.GetString() : null;
                throw new SourcePullException($"{Service} could not serve the metric '{pull.MetricName}' ({errorCode}): {message}");
            }

            foreach (var series in Items(value, "timeseries"))
            {
                var dims = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var meta in Items(series, "metadatavalues"))
                {
                    var name = meta.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var nv) ? nv.GetString() : null;
                    if (name is { Length: > 0 })
                    {
                        dims[name] = meta.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "";
                    }
                }

                foreach (var data in Items(series, "data"))
                {
                    // A bucket with no data has only timeStamp: there is no point to store, not a zero.
                    if (data.TryGetProperty(field, out var number) && number.ValueKind == JsonValueKind.Number
                        && data.TryGetProperty("timeStamp", out var stamp) && stamp.TryGetDateTimeOffset(out var time))
                    {
                        points.Add(new MetricPoint(metric, dims, time.ToUniversalTime(), number.GetDouble()));
                    }
                }
            }
        }
    }

    private static List<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()]
            : [];

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
