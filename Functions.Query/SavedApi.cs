using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Saved;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Functions.Query;

/// <summary>CRUD of saved segments, funnels, retentions, metrics and dashboards, behind the query key like every <c>/api/*</c> route.</summary>
public sealed class SavedApi(QueryEndpoints endpoints, SavedItemHandlers saved)
{
    [Function(FunctionNames.Segments)]
    public async Task<IActionResult> Segments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Segments)] HttpRequest request) =>
        await endpoints.HandleAsync(saved.List(SavedKind.Segments), request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Segment)]
    public async Task<IActionResult> Segment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.Segment)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(saved.Item(SavedKind.Segments), request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Funnels)]
    public async Task<IActionResult> Funnels(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Funnels)] HttpRequest request) =>
        await endpoints.HandleAsync(saved.List(SavedKind.Funnels), request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.FunnelItem)]
    public async Task<IActionResult> FunnelItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.FunnelItem)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(saved.Item(SavedKind.Funnels), request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Retentions)]
    public async Task<IActionResult> Retentions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Retentions)] HttpRequest request) =>
        await endpoints.HandleAsync(saved.List(SavedKind.Retentions), request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.RetentionItem)]
    public async Task<IActionResult> RetentionItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.RetentionItem)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(saved.Item(SavedKind.Retentions), request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Metrics)]
    public async Task<IActionResult> Metrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Metrics)] HttpRequest request) =>
        await endpoints.HandleAsync(saved.List(SavedKind.Metrics), request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Metric)]
    public async Task<IActionResult> Metric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.Metric)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(saved.Item(SavedKind.Metrics), request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Dashboards)]
    public async Task<IActionResult> Dashboards(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Dashboards)] HttpRequest request) =>
        await endpoints.HandleAsync(saved.List(SavedKind.Dashboards), request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.DashboardItem)]
    public async Task<IActionResult> DashboardItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.DashboardItem)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(saved.Item(SavedKind.Dashboards), request, id, request.HttpContext.RequestAborted);
}
