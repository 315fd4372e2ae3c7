using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// Turns a metric's saved query (without dates) into the body its view's parser takes, for one window: the same body
/// the Insights, Funnels or Retention page would send, so that the metric's number is that page's number.
/// </summary>
public static class CustomMetricQueries
{
    /// <summary>The fields a value request supplies; a saved query that holds them is refused, so that no date is silently ignored.</summary>
    public static readonly IReadOnlyList<string> WindowFields = ["range", "from", "to", "tz", "interval"];

    /// <param name="interval">The trend's interval (ignored by the other kinds, whose cohorts the caller groups).</param>
    public static JsonElement Body(CustomMetricKind kind, JsonElement query, int period, MetricWindow window, string interval)
    {
        var body = kind == CustomMetricKind.Metric
            ? new JsonObject { ["series"] = new JsonArray(JsonNode.Parse(query.GetRawText())) }
            : JsonNode.Parse(query.GetRawText())!.AsObject();
        body["from"] = window.From.ToString("O");
        body["to"] = window.To.ToString("O");
        body["tz"] = window.Zone.Id;
        if (kind is CustomMetricKind.Trend or CustomMetricKind.Metric)
        {
            body["interval"] = interval;
        }

        if (kind == CustomMetricKind.Retention)
        {
            // The table's periods count period 0 (the cohort itself): the metric needs 0 to N, and reading more would only cost.
            body["periods"] = period + 1;
        }

        return JsonSerializer.SerializeToElement(body);
    }

    /// <summary>A view parser's field, written where it sits in the saved metric: <c>series[0].event</c> becomes <c>definition.query.series[0].event</c>.</summary>
    public static string? SavedField(CustomMetricKind kind, string? field)
    {
        if (field is null)
        {
            return "definition.query";
        }

        if (kind == CustomMetricKind.Metric && field.StartsWith("series[0]", StringComparison.Ordinal))
        {
            field = field["series[0]".Length..].TrimStart('.');
        }

        return field.Length == 0 ? "definition.query" : "definition.query." + field;
    }
}

/// <summary>The instants and zone a metric's value is computed over: <c>[From, To)</c>.</summary>
public sealed record MetricWindow(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone);
