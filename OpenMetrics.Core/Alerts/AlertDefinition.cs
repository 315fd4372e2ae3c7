using System.Text.Json;

namespace OpenMetrics.Core.Alerts;

/// <summary>
/// A checked alert (docs/metrics-alerts.md, "Alerts"): what it watches (a saved metric, or an inline trends query),
/// when it holds, on which interval of which zone it is checked, and where a crossing is sent.
/// </summary>
/// <param name="MetricId">The saved custom metric watched; null when <see cref="Query"/> is given instead.</param>
/// <param name="Query">An inline trends query (without dates), checked as a trend metric's query; null with <see cref="MetricId"/>.</param>
/// <param name="CooldownMinutes">After a resolve, a new fire is held back until this many minutes have passed since the resolving interval ended.</param>
/// <param name="SecretSetting">The app setting that holds the HMAC secret of <c>json</c> deliveries (a Key Vault reference in Azure); null signs nothing.</param>
public sealed record AlertDefinition(
    string Id,
    string? MetricId,
    JsonElement? Query,
    AlertCondition Condition,
    AlertInterval Interval,
    string Tz,
    IReadOnlyList<AlertDestination> Destinations,
    int CooldownMinutes,
    string? SecretSetting,
    DateTimeOffset CreatedAt);

/// <summary>When an alert holds: the value <c>above</c> or <c>below</c> <see cref="Value"/>, or its change against the previous interval, in percent, up or down by at least it.</summary>
public sealed record AlertCondition(AlertOp Op, double Value);

public enum AlertOp
{
    Above,
    Below,
    ChangeUpPct,
    ChangeDownPct,
}

/// <summary>The interval an alert is checked on, in its zone: the last complete hour or day.</summary>
public enum AlertInterval
{
    Hour,
    Day,
}

/// <summary>An incoming webhook and the payload shape it takes.</summary>
public sealed record AlertDestination(Uri Webhook, WebhookFormat Format);

public enum WebhookFormat
{
    Json,
    Slack,
    Teams,
}
