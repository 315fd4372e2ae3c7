using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Alerts;

/// <summary>
/// The bodies a crossing is sent as (docs/metrics-alerts.md, "Alerts"): <c>json</c>, this project's own shape, signed
/// with the alert's secret in <see cref="SignatureHeader"/>; <c>slack</c>, a Slack incoming-webhook message (<c>text</c>
/// and a <c>section</c> block); <c>teams</c>, a Teams incoming-webhook or Workflows message carrying an Adaptive Card.
/// </summary>
public static class AlertPayloads
{
    public const string SignatureHeader = "X-OpenMetrics-Signature";

    public static WebhookMessage For(WebhookFormat format, AlertNotice notice, string? secret) => format switch
    {
        WebhookFormat.Slack => Unsigned(Slack(notice)),
        WebhookFormat.Teams => Unsigned(Teams(notice)),
        _ => Signed(Json(notice).ToJsonString(), secret),
    };

    public static JsonObject Json(AlertNotice notice) => new()
    {
        ["alert"] = notice.Alert.Id,
        ["state"] = notice.Crossing.State,
        ["value"] = notice.Crossing.Value,
        ["previous"] = notice.Crossing.Previous,
        ["changePct"] = notice.Crossing.ChangePct,
        ["condition"] = new JsonObject { ["op"] = OpName(notice.Alert.Condition.Op), ["value"] = notice.Alert.Condition.Value },
        ["interval"] = new JsonObject
        {
            ["from"] = notice.Crossing.From.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = notice.Crossing.To.ToString("O", CultureInfo.InvariantCulture),
            ["unit"] = notice.Alert.Interval.ToString().ToLowerInvariant(),
            ["tz"] = notice.Alert.Tz,
        },
        ["metric"] = notice.Alert.MetricId,
        ["title"] = notice.Title,
        ["evaluatedAt"] = notice.Crossing.EvaluatedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body's UTF-8 bytes under the secret's UTF-8 bytes.</summary>
    public static string Signature(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>One line a person reads: "🔴 Signups is above 5: 7 (hour from 2026-11-20 09:00 UTC)".</summary>
    public static string Text(AlertNotice notice)
    {
        var crossing = notice.Crossing;
        var firing = crossing.State == "firing";
        var condition = notice.Alert.Condition;
        var what = condition.Op switch
        {
            AlertOp.Above => $"above {Number(condition.Value)}",
            AlertOp.Below => $"below {Number(condition.Value)}",
            AlertOp.ChangeUpPct => $"up {Number(condition.Value)} % or more on the previous {Unit(notice)}",
            _ => $"down {Number(condition.Value)} % or more on the previous {Unit(notice)}",
        };
        var change = crossing.ChangePct is { } pct ? $", {(pct >= 0 ? "+" : "")}{Number(pct)} %" : "";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(notice.Alert.Tz);
        var from = TimeZoneInfo.ConvertTime(crossing.From, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{(firing ? "🔴" : "✅")} {notice.Title} {(firing ? "is" : "is no longer")} {what}: "
            + $"{(crossing.Value is { } value ? Number(value) : "no value")}{change} ({Unit(notice)} from {from} {notice.Alert.Tz})";
    }

    public static string OpName(AlertOp op) => op switch
    {
        AlertOp.ChangeUpPct => "changeUpPct",
        AlertOp.ChangeDownPct => "changeDownPct",
        _ => op.ToString().ToLowerInvariant(),
    };

    private static string Slack(AlertNotice notice)
    {
        var text = Text(notice);
        return new JsonObject
        {
            ["text"] = text,
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text },
            }),
        }.ToJsonString();
    }

    private static string Teams(AlertNotice notice)
    {
        var crossing = notice.Crossing;
        var facts = new JsonArray(
            Fact("Value", crossing.Value is { } value ? Number(value) : "no value"),
            Fact("Previous", crossing.Previous is { } previous ? Number(previous) : "no value"),
            Fact("From", crossing.From.ToString("O", CultureInfo.InvariantCulture)),
            Fact("To", crossing.To.ToString("O", CultureInfo.InvariantCulture)));
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = Text(notice), ["wrap"] = true, ["weight"] = "Bolder" },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        }.ToJsonString();
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string Unit(AlertNotice notice) => notice.Alert.Interval == AlertInterval.Hour ? "hour" : "day";

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static WebhookMessage Unsigned(string body) => new(body, new Dictionary<string, string>());

    private static WebhookMessage Signed(string body, string? secret) =>
        new(body, secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [SignatureHeader] = Signature(body, secret) });
}

/// <summary>What a delivery tells: the alert, the title of what it watches, and the crossing.</summary>
public sealed record AlertNotice(AlertDefinition Alert, string Title, AlertEvent Crossing);
