using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.CustomMetrics;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>A saved custom metric's value (docs/metrics-alerts.md); the metric itself is saved through <see cref="SavedApi"/>.</summary>
public sealed class CustomMetricsApi(QueryEndpoints endpoints)
{
    [Function(FunctionNames.MetricValue)]
    public async Task<IActionResult> MetricValue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.MetricValue)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<MetricValueHandler>(request, id, request.HttpContext.RequestAborted);
}
