using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Functions.Query;

/// <summary>CRUD of saved segments, funnels, retentions, metrics and dashboards, behind the query key like every <c>/api/*</c> route.</summary>
public sealed class SavedApi(QueryEndpoints endpoints)
{
    [Function(QueryFunctionNames.Segments)]
    public async Task<IActionResult> Segments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Segments)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Segments, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Segment)]
    public async Task<IActionResult> Segment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.Segment)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.Segment, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Funnels)]
    public async Task<IActionResult> Funnels(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Funnels)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Funnels, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.FunnelItem)]
    public async Task<IActionResult> FunnelItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.FunnelItem)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.FunnelItem, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Retentions)]
    public async Task<IActionResult> Retentions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Retentions)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Retentions, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.RetentionItem)]
    public async Task<IActionResult> RetentionItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.RetentionItem)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.RetentionItem, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Metrics)]
    public async Task<IActionResult> Metrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Metrics)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Metrics, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Metric)]
    public async Task<IActionResult> Metric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.Metric)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.Metric, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Dashboards)]
    public async Task<IActionResult> Dashboards(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Dashboards)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Dashboards, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.DashboardItem)]
    public async Task<IActionResult> DashboardItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.DashboardItem)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.DashboardItem, request, id, request.HttpContext.RequestAborted);
}
