using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// The Log Analytics query REST API (<c>POST /v1/workspaces/{id}/query</c> with <c>{"query", "timespan"}</c>). Of the
/// first table (<c>PrimaryResult</c>): the first datetime column is the time, each numeric column one series (stored as
/// the metric itself when there is one, as <c>metric.column</c> when there are several), each string column a dim.
/// </summary>
internal sealed class LogAnalyticsPuller(SourcePipelines pipelines)
{
    public const string Service = "Log Analytics";
    private const string Role = "Log Analytics Reader on the workspace";

    private static readonly HashSet<string> Numeric = new(StringComparer.OrdinalIgnoreCase) { "long", "int", "real", "decimal", "double" };

    public async Task<IReadOnlyList<MetricPoint>> PullAsync(MetricSource source, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var pull = source.LogAnalytics!;
        var uri = new Uri(pipelines.Connections.LogAnalyticsUrl, $"/v1/workspaces/{pull.WorkspaceId}/query");
        var body = new JsonObject { ["query"] = pull.Query, ["timespan"] = Iso(from) + "/" + Iso(to) };
        var content = await AzureCalls.SendAsync(
            pipelines.LogAnalytics, RequestMethod.Post, uri, BinaryData.FromString(body.ToJsonString()), Service, Role, pipelines.Connections.MaxRetries, cancellationToken);
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;

        // A 200 can carry an error too (a partial result): its rows may miss some, so none are written.
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            throw new SourcePullException($"The KQL query returned only part of its result: {SourceErrors.Detail(root.GetRawText())}");
        }

        var table = root.TryGetProperty("tables", out var tables) && tables.ValueKind == JsonValueKind.Array && tables.GetArrayLength() > 0
            ? tables[0]
            : throw new SourcePullException("The KQL query returned no table.");
        return Points(source.Metric, table);
    }

    private static List<MetricPoint> Points(string metric, JsonElement table)
    {
        var columns = table.GetProperty("columns").EnumerateArray()
            .Select((column, index) => (Name: column.GetProperty("name").GetString() ?? "", Type: column.GetProperty("type").GetString() ?? "", Index: index))
            .ToList();
        var time = columns.FirstOrDefault(column => column.Type == "datetime");
        if (time.Name is not { Length: > 0 })
        {
            throw new SourcePullException($"The KQL query's result has no datetime column (it has {Describe(columns)}); bin the rows by time, such as summarize count() by bin(TimeGenerated, 1h).");
        }

        var values = columns.Where(column => Numeric.Contains(column.Type)).ToList();
        if (values.Count == 0)
        {
            throw new SourcePullException($"The KQL query's result has no numeric column (it has {Describe(columns)}); summarize a figure, such as count().");
        }

        var dims = columns.Where(column => column.Type == "string").ToList();
        var points = new List<MetricPoint>();
        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            if (row[time.Index].ValueKind != JsonValueKind.String || !row[time.Index].TryGetDateTimeOffset(out var at))
            {
                continue;
            }

            var rowDims = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var dim in dims)
            {
                if (row[dim.Index].ValueKind == JsonValueKind.String)
                {
                    rowDims[dim.Name] = row[dim.Index].GetString()!;
                }
            }

            foreach (var value in values)
            {
                if (Number(row[value.Index]) is { } number)
                {
                    points.Add(new MetricPoint(values.Count == 1 ? metric : $"{metric}.{value.Name}", rowDims, at.ToUniversalTime(), number));
                }
            }
        }

        return points;
    }

    /// <summary>Numbers come as JSON numbers; decimals as strings; NaN and infinities of <c>real</c> as strings too, and are left out.</summary>
    private static double? Number(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Number => cell.GetDouble(),
        JsonValueKind.String when double.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };

    private static string Describe(IEnumerable<(string Name, string Type, int Index)> columns) =>
        string.Join(", ", columns.Select(column => $"{column.Name} ({column.Type})"));

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
