using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// Reads a source definition as <c>PUT /api/sources/{id}</c> takes it (and as the <c>Sources</c> table keeps it);
/// anything wrong is a <see cref="QueryException"/> naming the field. Fields of another kind are refused, so that a
/// misspelt field does not pass silently.
/// </summary>
public static class SourceParser
{
    private static readonly HashSet<string> Common = ["kind", "metric", "schedule", "backfillDays", "id", "createdAt", "updatedAt", "premade", "state"];

    private static readonly Dictionary<SourceKind, HashSet<string>> KindFields = new()
    {
        [SourceKind.AzureMonitor] = ["resourceId", "metricName", "aggregation", "interval", "filter"],
        [SourceKind.LogAnalytics] = ["workspaceId", "query"],
        [SourceKind.Http] = ["url", "method", "headers", "timePath", "valuePath"],
        [SourceKind.Push] = [],
    };

    public static void CheckId(string id)
    {
        if (!SourceFields.IsName(id, SourceFields.MaxIdLength))
        {
            throw new QueryException($"A source id is 1 to {SourceFields.MaxIdLength} letters, digits, '-' or '_'.", "id");
        }
    }

    /// <param name="createdAt">When the source was first defined (kept from the stored one on a replace).</param>
    public static MetricSource Parse(string id, JsonElement body, DateTimeOffset createdAt, bool premade = false)
    {
        CheckId(id);
        var kindName = OptionalString(body, "kind") ?? throw new QueryException("A source needs a 'kind': azureMonitor, logAnalytics, http or push.", "kind");
        var kind = SourceKinds.Parse(kindName) ?? throw new QueryException($"'{kindName}' is not a source kind: azureMonitor, logAnalytics, http or push.", "kind");
        foreach (var property in body.EnumerateObject())
        {
            if (!Common.Contains(property.Name) && !KindFields[kind].Contains(property.Name))
            {
                throw new QueryException($"'{property.Name}' is not a field of a {kindName} source.", property.Name);
            }
        }

        var metric = OptionalString(body, "metric") ?? id;
        if (!SourceFields.IsMetricName(metric))
        {
            throw new QueryException($"A metric name is 1 to {SourceFields.MaxMetricLength} letters, digits, '-', '_', '.', '/' or ':'.", "metric");
        }

        var schedule = OptionalString(body, "schedule") ?? SourceFields.DefaultSchedule;
        try
        {
            CronSchedule.Parse(schedule);
        }
        catch (FormatException exception)
        {
            throw new QueryException(exception.Message, "schedule");
        }

        var backfillDays = SourceFields.DefaultBackfillDays;
        if (body.TryGetProperty("backfillDays", out var backfill) && backfill.ValueKind != JsonValueKind.Null)
        {
            if (backfill.ValueKind != JsonValueKind.Number || !backfill.TryGetInt32(out backfillDays) || backfillDays is < 0 or > SourceFields.MaxBackfillDays)
            {
                throw new QueryException($"'backfillDays' is a whole number of days from 0 to {SourceFields.MaxBackfillDays}.", "backfillDays");
            }
        }

        var source = new MetricSource(id, kind, metric, schedule, backfillDays, createdAt, Premade: premade);
        return kind switch
        {
            SourceKind.AzureMonitor => source with { AzureMonitor = AzureMonitor(body) },
            SourceKind.LogAnalytics => source with { LogAnalytics = LogAnalytics(body) },
            SourceKind.Http => source with { Http = HttpPullParser.Parse(body) },
            _ => source,
        };
    }

    private static AzureMonitorPull AzureMonitor(JsonElement body)
    {
        var resourceId = RequiredString(body, "resourceId", "the Azure resource id, /subscriptions/.../providers/...");
        if (!resourceId.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) || !resourceId.Contains("/providers/", StringComparison.OrdinalIgnoreCase)
            || resourceId.IndexOfAny(['?', '#', '\\', ' ']) >= 0 || resourceId.Contains("..", StringComparison.Ordinal))
        {
            throw new QueryException("'resourceId' is an Azure resource id: /subscriptions/{id}/resourceGroups/{group}/providers/{type}/{name}.", "resourceId");
        }

        var metricName = RequiredString(body, "metricName", "Azure Monitor's name of the metric, such as requests/count");
        var aggregation = OptionalString(body, "aggregation") ?? "Total";
        var known = SourceFields.Aggregations.FirstOrDefault(a => a.Equals(aggregation, StringComparison.OrdinalIgnoreCase))
            ?? throw new QueryException($"'{aggregation}' is not an aggregation: {string.Join(", ", SourceFields.Aggregations)}.", "aggregation");
        var interval = (OptionalString(body, "interval") ?? "PT1H").ToUpperInvariant();
        if (!SourceFields.Intervals.TryGetValue(interval, out var span))
        {
            throw new QueryException($"'{interval}' is not an Azure Monitor interval: {string.Join(", ", SourceFields.Intervals.Keys)}.", "interval");
        }

        var filter = OptionalString(body, "filter");
        if (filter is { Length: > 1000 })
        {
            throw new QueryException("'filter' is at most 1000 characters.", "filter");
        }

        return new AzureMonitorPull(resourceId, metricName, known, interval, span, string.IsNullOrWhiteSpace(filter) ? null : filter);
    }

    private static LogAnalyticsPull LogAnalytics(JsonElement body)
    {
        var workspaceId = RequiredString(body, "workspaceId", "the workspace's id, a GUID (Workspace ID in the portal)");
        if (!Guid.TryParseExact(workspaceId, "D", out var guid))
        {
            throw new QueryException("'workspaceId' is the workspace's id, a GUID such as 0b4c8b9e-1d2f-4a6b-9c3d-5e7f8a9b0c1d (Workspace ID in the portal), not its resource id.", "workspaceId");
        }

        var query = RequiredString(body, "query", "a KQL query returning a time column and numeric columns");
        if (query.Length > SourceFields.MaxQueryLength)
        {
            throw new QueryException($"'query' is at most {SourceFields.MaxQueryLength} characters.", "query");
        }

        return new LogAnalyticsPull(guid.ToString("D", CultureInfo.InvariantCulture), query);
    }

    internal static string RequiredString(JsonElement body, string name, string what) =>
        OptionalString(body, name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new QueryException($"A source of this kind needs '{name}': {what}.", name);

    internal static string? OptionalString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new QueryException($"'{name}' must be a string.", name);
    }
}
