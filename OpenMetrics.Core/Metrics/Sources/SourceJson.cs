using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// A source as JSON: the definition in the fields <see cref="SourceParser"/> reads (so the table and the API keep one
/// shape), and with its state for <c>GET /api/sources/{id}</c>. Secret headers show their name only, never a value.
/// </summary>
public static class SourceJson
{
    public static JsonObject Definition(MetricSource source)
    {
        var json = new JsonObject
        {
            ["id"] = source.Id,
            ["kind"] = SourceKinds.Name(source.Kind),
            ["metric"] = source.Metric,
            ["schedule"] = source.Schedule,
            ["backfillDays"] = source.BackfillDays,
            ["createdAt"] = source.CreatedAt,
        };
        if (source.Premade)
        {
            json["premade"] = true;
        }

        if (source.AzureMonitor is { } azure)
        {
            json["resourceId"] = azure.ResourceId;
            json["metricName"] = azure.MetricName;
            json["aggregation"] = azure.Aggregation;
            json["interval"] = azure.IntervalText;
            json["filter"] = azure.Filter;
        }

        if (source.LogAnalytics is { } logs)
        {
            json["workspaceId"] = logs.WorkspaceId;
            json["query"] = logs.Query;
        }

        if (source.Http is { } http)
        {
            json["url"] = http.Url.OriginalString;
            json["method"] = http.Method;
            var headers = new JsonObject();
            foreach (var header in http.Headers)
            {
                headers[header.Name] = header.Secret is { } secret ? new JsonObject { ["secret"] = secret } : header.Value;
            }

            json["headers"] = headers;
            json["timePath"] = http.TimePath;
            json["valuePath"] = http.ValuePath;
        }

        return json;
    }

    public static JsonObject WithState(StoredSource source)
    {
        var json = Definition(source.Definition);
        var state = source.State;
        json["state"] = new JsonObject
        {
            ["lastRunAt"] = state.LastRunAt,
            ["lastError"] = state.LastError,
            ["pointsWritten"] = state.PointsWritten,
            ["totalPointsWritten"] = state.TotalPointsWritten,
            ["lastPointAt"] = state.LastPointAt,
            ["nextDueAt"] = source.Definition.Kind == SourceKind.Push ? null : state.NextDueAt,
            ["running"] = state.RunningSince is not null,
        };
        return json;
    }

    public static JsonObject Points(IEnumerable<MetricPoint> points)
    {
        var array = new JsonArray();
        foreach (var point in points)
        {
            var dims = new JsonObject();
            foreach (var (name, value) in point.Dims.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                dims[name] = value;
            }

            array.Add(new JsonObject { ["metric"] = point.Metric, ["t"] = point.T, ["v"] = point.V, ["dims"] = dims });
        }

        return new JsonObject { ["points"] = array };
    }
}
