using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Alerts;

/// <summary>
/// An alert as JSON: the definition in the fields <see cref="AlertParser"/> reads (the table and the API keep one
/// shape), with its state for <c>GET /api/alerts/{id}</c>, and a crossing as history shows it.
/// </summary>
public static class AlertJson
{
    public static JsonObject Definition(AlertDefinition alert)
    {
        var json = new JsonObject { ["id"] = alert.Id };
        if (alert.MetricId is { } metric)
        {
            json["metric"] = metric;
        }

        if (alert.Query is { } query)
        {
            json["query"] = JsonNode.Parse(query.GetRawText());
        }

        json["condition"] = new JsonObject { ["op"] = AlertPayloads.OpName(alert.Condition.Op), ["value"] = alert.Condition.Value };
        json["interval"] = alert.Interval.ToString().ToLowerInvariant();
        json["tz"] = alert.Tz;
        json["destinations"] = new JsonArray([.. alert.Destinations.Select(destination => (JsonNode)new JsonObject
        {
            ["webhook"] = destination.Webhook.OriginalString,
            ["format"] = destination.Format.ToString().ToLowerInvariant(),
        })]);
        json["cooldownMinutes"] = alert.CooldownMinutes;
        if (alert.SecretSetting is { } secret)
        {
            json["secretSetting"] = secret;
        }

        json["createdAt"] = alert.CreatedAt;
        return json;
    }

    public static JsonObject WithState(StoredAlert alert)
    {
        var json = Definition(alert.Definition);
        var state = alert.State;
        json["state"] = state.Status;
        json["lastEvaluatedInterval"] = state.LastIntervalFrom is { } from && state.LastIntervalTo is { } to
            ? new JsonObject { ["from"] = from, ["to"] = to }
            : null;
        json["lastValue"] = state.LastValue;
        json["lastEvaluatedAt"] = state.LastEvaluatedAt;
        json["lastError"] = state.LastError;
        json["firing"] = state.Firing;
        return json;
    }

    public static JsonObject Crossing(AlertEvent crossing) => new()
    {
        ["from"] = crossing.From,
        ["to"] = crossing.To,
        ["state"] = crossing.State,
        ["value"] = crossing.Value,
        ["previous"] = crossing.Previous,
        ["changePct"] = crossing.ChangePct,
        ["evaluatedAt"] = crossing.EvaluatedAt,
        ["delivery"] = crossing.Delivery,
        ["deliveries"] = new JsonArray([.. crossing.Deliveries.Select(outcome => (JsonNode)new JsonObject
        {
            ["destination"] = outcome.Destination,
            ["format"] = outcome.Format,
            ["ok"] = outcome.Ok,
            ["status"] = outcome.Status,
            ["attempts"] = outcome.Attempts,
            ["error"] = outcome.Error,
        })]),
    };
}
