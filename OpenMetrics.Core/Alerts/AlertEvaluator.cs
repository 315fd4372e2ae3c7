using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.CustomMetrics;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Alerts;

/// <summary>
/// Evaluates alerts on their last complete interval (docs/metrics-alerts.md, "Alerts"). Per alert, in order: skip an
/// interval already evaluated; compute the value by the metric's own engine (<see cref="ICustomMetricValues"/>);
/// decide the crossing (fires when the condition starts to hold, resolves when it stops, a re-fire held back within
/// the cooldown); claim the interval and the crossing with one ETag-conditional write; only then deliver, and record
/// how the deliveries went. Two runs at once, a redelivered run and a restart all read the state first: the one whose
/// claim wins delivers, every other one skips. A failing alert records its error and never stops the others.
/// </summary>
public sealed partial class AlertEvaluator(
    IAlertStore store, ICustomMetricValues values, AlertParser parser, IWebhookSender sender, IConfiguration configuration, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    /// <summary>The timer's work and <c>POST /ops/alerts/evaluate</c>'s: every due alert, one after another.</summary>
    public async Task<AlertRunSummary> EvaluateDueAsync(CancellationToken cancellationToken)
    {
        var runs = new List<AlertRun>();
        foreach (var alert in await store.ListAsync(cancellationToken))
        {
            try
            {
                runs.Add(await EvaluateAsync(alert, cancellationToken));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Storage trouble while claiming or recording: the interval is claimed at the next run, or was already.
                LogEvaluationFailed(logger, exception, alert.Definition.Id);
                runs.Add(new AlertRun(alert.Definition.Id, "error", alert.State.Status, null, null, null, exception.Message));
            }
        }

        return AlertRunSummary.Of(runs);
    }

    public async Task<AlertRun> EvaluateAsync(StoredAlert alert, CancellationToken cancellationToken)
    {
        var definition = alert.Definition;
        var state = alert.State;
        var now = clock.GetUtcNow();
        var window = AlertIntervals.LastComplete(definition.Interval, TimeZoneInfo.FindSystemTimeZoneById(definition.Tz), now);
        if (state.LastIntervalFrom is { } last && last >= window.From)
        {
            return Run(definition, "skipped", state, window, state.LastValue, null);
        }

        CustomMetricDefinition metric;
        CustomMetricValue value;
        try
        {
            metric = definition.MetricId is { } id ? await values.FindAsync(id, cancellationToken) : parser.Inline(definition.Id, definition.Query!.Value);
            value = await values.ValueAsync(definition.MetricId, metric, window, TrendInterval.Total, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = exception is QueryException ? exception.Message : $"The metric could not be computed: {exception.Message}";
            var failed = state with { LastError = error, LastEvaluatedAt = now };
            // The interval is not marked evaluated: the next run tries it again. A lost claim means another run wrote first.
            await store.TryClaimAsync(alert, failed, null, cancellationToken);
            return Run(definition, "error", failed, window, null, error);
        }

        var holds = Holds(definition.Condition, value);
        var (outcome, next) = Decide(definition, state, holds, window.To);
        next = next with { LastIntervalFrom = window.From, LastIntervalTo = window.To, LastValue = value.Value, LastEvaluatedAt = now, LastError = null };
        var crossing = outcome is "fired" or "resolved"
            ? new AlertEvent(window.From, window.To, outcome == "fired" ? "firing" : "resolved", value.Value, value.Previous, value.ChangePct, now, "pending", [])
            : null;
        if (await store.TryClaimAsync(alert, next, crossing, cancellationToken) is null)
        {
            return Run(definition, "skipped", state, window, value.Value, null);
        }

        if (crossing is not null)
        {
            var delivered = await DeliverAsync(definition, new AlertNotice(definition, metric.Title, crossing), cancellationToken);
            await store.RecordDeliveryAsync(definition.Id, delivered, CancellationToken.None);
        }

        return Run(definition, outcome, next, window, value.Value, null);
    }

    /// <summary>Above and below compare the value; the changes compare the change in percent on the previous interval. No value never holds.</summary>
    public static bool Holds(AlertCondition condition, CustomMetricValue value) => condition.Op switch
    {
        AlertOp.Above => value.Value is { } v && v > condition.Value,
        AlertOp.Below => value.Value is { } v && v < condition.Value,
        AlertOp.ChangeUpPct => value.ChangePct is { } pct && pct >= condition.Value,
        _ => value.ChangePct is { } pct && pct <= -condition.Value,
    };

    private static (string Outcome, AlertState Next) Decide(AlertDefinition definition, AlertState state, bool holds, DateTimeOffset intervalEnd)
    {
        if (holds && !state.Firing)
        {
            var coolingDown = state.ResolvedAt is { } resolved && intervalEnd < resolved.AddMinutes(definition.CooldownMinutes);
            return coolingDown ? ("suppressed", state) : ("fired", state with { Firing = true });
        }

        return !holds && state.Firing
            ? ("resolved", state with { Firing = false, ResolvedAt = intervalEnd })
            : ("unchanged", state);
    }

    private async Task<AlertEvent> DeliverAsync(AlertDefinition definition, AlertNotice notice, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>();
        var secret = Secret(definition, out var secretProblem);
        foreach (var destination in definition.Destinations)
        {
            if (destination.Format == WebhookFormat.Json && secretProblem is not null)
            {
                outcomes.Add(new DeliveryOutcome(Destination(destination.Webhook), "json", false, null, 0, secretProblem));
                continue;
            }

            outcomes.Add(await sender.SendAsync(destination, AlertPayloads.For(destination.Format, notice, secret), cancellationToken));
        }

        return notice.Crossing with { Delivery = outcomes.All(outcome => outcome.Ok) ? "delivered" : "failed", Deliveries = outcomes };
    }

    /// <summary>The signing secret, read from the app setting the alert names at delivery time (it is never stored).</summary>
    private string? Secret(AlertDefinition definition, out string? problem)
    {
        problem = null;
        if (definition.SecretSetting is not { } name)
        {
            return null;
        }

        var value = configuration[name];
        if (string.IsNullOrEmpty(value))
        {
            problem = $"The signing secret's app setting {name} is not set (a Key Vault reference in Azure): nothing was sent unsigned.";
            return null;
        }

        if (value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The app setting {name} is a Key Vault reference App Service has not resolved yet: give the app's identity Key Vault Secrets User on it, then restart the app.";
            return null;
        }

        return value;
    }

    /// <summary>A webhook as history shows it: scheme, host and port, never the path (an incoming webhook's path is its key).</summary>
    public static string Destination(Uri webhook) => webhook.GetLeftPart(UriPartial.Authority);

    private static AlertRun Run(AlertDefinition definition, string outcome, AlertState state, MetricWindow window, double? value, string? error) =>
        new(definition.Id, outcome, state.Status, window.From, window.To, value, error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Id} could not be evaluated")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string id);
}
