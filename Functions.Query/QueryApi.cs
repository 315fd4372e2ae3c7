using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Functions.Query;

/// <summary>
/// The query API (docs/query.md): each function binds its route and hands the call to <see cref="QueryEndpoints"/>, which
/// checks the key and answers; the local host calls the same. Anonymous at the Functions level: the query key is the guard.
/// </summary>
public sealed class QueryApi(QueryEndpoints endpoints)
{
    [Function(QueryFunctionNames.Trends)]
    public async Task<IActionResult> Trends(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Trends)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Trends, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Funnel)]
    public async Task<IActionResult> Funnel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Funnel)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Funnel, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.FunnelDropoff)]
    public async Task<IActionResult> FunnelDropoff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.FunnelDropoff)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.FunnelDropoff, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Retention)]
    public async Task<IActionResult> Retention(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Retention)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Retention, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.SearchUsers)]
    public async Task<IActionResult> SearchUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Users)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.SearchUsers, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.GetUser)]
    public async Task<IActionResult> GetUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.User)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.GetUser, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.UserEvents)]
    public async Task<IActionResult> UserEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.UserEvents)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.UserEvents, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.DeleteUser)]
    public async Task<IActionResult> DeleteUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = QueryRoutes.User)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.DeleteUser, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.ExportUser)]
    public async Task<IActionResult> ExportUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.UserExport)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync(QueryFunctionNames.ExportUser, request, id, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Live)]
    public async Task<IActionResult> Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Live)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Live, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Settings)]
    public async Task<IActionResult> Settings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Settings)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Settings, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.Catalog)]
    public async Task<IActionResult> Catalog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Catalog)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.Catalog, request, null, request.HttpContext.RequestAborted);

    [Function(QueryFunctionNames.OpenApi)]
    public async Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.OpenApi)] HttpRequest request) =>
        await endpoints.HandleAsync(QueryFunctionNames.OpenApi, request, null, request.HttpContext.RequestAborted);
}
