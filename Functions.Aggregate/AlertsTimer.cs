using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Alerts;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>
/// Alerts (docs/metrics-alerts.md, "Alerts"): the timer evaluates the due ones on the operator's schedule (every 5
/// minutes by default); the operator route does the same now, guarded by a function key. The local host calls the same evaluator.
/// </summary>
public sealed class AlertsTimer(AlertEvaluator evaluator, AlertOpsHandler ops)
{
    [Function(FunctionNames.EvaluateAlerts)]
    public Task Run([TimerTrigger(Schedules.Alerts)] TimerInfo timer, CancellationToken cancellationToken) =>
        evaluator.EvaluateDueAsync(cancellationToken);

    [Function(FunctionNames.EvaluateAlertsNow)]
    public async Task<IActionResult> EvaluateNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = OpsRoutes.EvaluateAlerts)] HttpRequest request) =>
        await ops.EvaluateAsync(request.HttpContext.RequestAborted);
}
