using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Alerts;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>Alerts (docs/metrics-alerts.md, "Alerts"): list, define, read with state, and history; the local host calls the same handlers.</summary>
public sealed class AlertsApi(QueryEndpoints endpoints)
{
    [Function(FunctionNames.Alerts)]
    public async Task<IActionResult> Alerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Alerts)] HttpRequest request) =>
        await endpoints.HandleAsync<AlertsHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Alert)]
    public async Task<IActionResult> Alert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.Alert)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<AlertHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.AlertHistory)]
    public async Task<IActionResult> AlertHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.AlertHistory)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<AlertHistoryHandler>(request, id, request.HttpContext.RequestAborted);
}
