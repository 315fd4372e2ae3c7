using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.CustomMetrics;

namespace OpenMetrics.Core.Alerts;

/// <summary>
/// Reads and checks the body of <c>PUT /api/alerts/{id}</c> (docs/metrics-alerts.md, "Alerts"); each mistake is a 400
/// naming its field. An inline <c>query</c> is checked as a trend metric's query by <see cref="CustomMetricParser"/>,
/// so an alert can watch exactly what a saved metric can. Whether a <c>metric</c> id exists is the caller's check (it
/// reads storage). Webhook URLs are checked here for what needs no lookup; their resolved addresses are checked at
/// every delivery by the same rule as HTTP sources.
/// </summary>
public sealed class AlertParser(CustomMetricParser metrics)
{
    public const int MaxIdLength = 100;
    public const int MaxDestinations = 5;
    public const int MaxAlerts = 100;
    public const int MaxCooldownMinutes = 7 * 24 * 60;
    public const int DefaultCooldownMinutes = 60;
    public const int MaxWebhookLength = 2000;

    public static void CheckId(string id)
    {
        if (!SourceFields.IsName(id, MaxIdLength))
        {
            throw new QueryException($"An alert id is 1 to {MaxIdLength} letters, digits, '-' or '_'.", "id");
        }
    }

    public AlertDefinition Parse(string id, JsonElement body, DateTimeOffset createdAt)
    {
        CheckId(id);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("An alert is a JSON object.", "");
        }

        var metric = QueryFields.Text(body, "metric", "metric");
        var query = QueryFields.Optional(body, "query");
        if ((metric is null) == (query is null))
        {
            throw new QueryException("An alert watches either a saved metric, \"metric\": \"signups\", or an inline trends query, \"query\": {…}: give one of them.", metric is null ? "metric" : "query");
        }

        if (query is { } inline)
        {
            Inline(id, inline);
        }

        var tz = QueryFields.Text(body, "tz", "tz") ?? "UTC";
        QueryFields.Zone(body, "tz", "tz");
        return new AlertDefinition(
            id,
            metric,
            query?.Clone(),
            Condition(body),
            QueryFields.Enum(body, "interval", "interval", AlertInterval.Hour),
            tz,
            Destinations(body),
            QueryFields.WholeNumber(body, "cooldownMinutes", "cooldownMinutes", DefaultCooldownMinutes, 0, MaxCooldownMinutes),
            SecretSetting(body),
            createdAt);
    }

    /// <summary>The inline query as the trend metric it is evaluated as; its errors name <c>query.…</c>.</summary>
    public CustomMetricDefinition Inline(string id, JsonElement query)
    {
        if (query.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("'query' is a trends query body as the Insights page sends it, without dates.", "query");
        }

        var item = new JsonObject
        {
            ["title"] = id,
            ["definition"] = new JsonObject { ["kind"] = "trend", ["query"] = JsonNode.Parse(query.GetRawText()) },
        };
        try
        {
            return metrics.Parse(JsonSerializer.SerializeToElement(item));
        }
        catch (QueryException exception) when (exception.Field?.StartsWith("definition.query", StringComparison.Ordinal) == true)
        {
            throw new QueryException(exception.Message, "query" + exception.Field["definition.query".Length..], exception.Status);
        }
    }

    private static AlertCondition Condition(JsonElement body)
    {
        if (QueryFields.Optional(body, "condition") is not { ValueKind: JsonValueKind.Object } condition)
        {
            throw new QueryException("'condition' is {\"op\": \"above\" | \"below\" | \"changeUpPct\" | \"changeDownPct\", \"value\": 5}.", "condition");
        }

        var op = QueryFields.Text(condition, "op", "condition.op", required: true) switch
        {
            "above" => AlertOp.Above,
            "below" => AlertOp.Below,
            "changeUpPct" => AlertOp.ChangeUpPct,
            "changeDownPct" => AlertOp.ChangeDownPct,
            _ => throw new QueryException("'condition.op' is one of above, below, changeUpPct, changeDownPct.", "condition.op"),
        };
        if (QueryFields.Optional(condition, "value") is not { ValueKind: JsonValueKind.Number } value || !double.IsFinite(value.GetDouble()))
        {
            throw new QueryException("'condition.value' is a number: the threshold, or for a change the percent (10 is 10 %).", "condition.value");
        }

        if (op is AlertOp.ChangeUpPct or AlertOp.ChangeDownPct && value.GetDouble() < 0)
        {
            throw new QueryException("'condition.value' of a change is a percent of 0 or more; the op says the direction.", "condition.value");
        }

        return new AlertCondition(op, value.GetDouble());
    }

    private static List<AlertDestination> Destinations(JsonElement body)
    {
        if (QueryFields.Optional(body, "destinations") is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            throw new QueryException("'destinations' is a list of 1 to 5 webhooks: [{\"webhook\": \"https://…\", \"format\": \"json\" | \"slack\" | \"teams\"}].", "destinations");
        }

        if (array.GetArrayLength() > MaxDestinations)
        {
            throw new QueryException($"At most {MaxDestinations} destinations.", "destinations");
        }

        var destinations = new List<AlertDestination>();
        foreach (var (item, path) in QueryFields.Array(body, "destinations", "destinations"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new QueryException("A destination is {\"webhook\": \"https://…\", \"format\": \"json\"}.", path);
            }

            var text = QueryFields.Text(item, "webhook", path + ".webhook", required: true)!;
            destinations.Add(new AlertDestination(OutboundUrl.Parse(text, path + ".webhook", MaxWebhookLength), QueryFields.Enum(item, "format", path + ".format", WebhookFormat.Json)));
        }

        return destinations;
    }

    private static string? SecretSetting(JsonElement body)
    {
        var name = QueryFields.Text(body, "secretSetting", "secretSetting");
        return name is null || SourceFields.IsSecretName(name)
            ? name
            : throw new QueryException("'secretSetting' is the name of the app setting that holds the signing secret: letters, digits or '_' (at most 64).", "secretSetting");
    }
}
