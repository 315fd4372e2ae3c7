using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Privacy;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Catalog;
using OpenMetrics.Apps.Query.Funnels;
using OpenMetrics.Apps.Query.Live;
using OpenMetrics.Apps.Query.Metrics;
using OpenMetrics.Apps.Query.OpenApi;
using OpenMetrics.Apps.Query.People;
using OpenMetrics.Apps.Query.Retention;
using OpenMetrics.Apps.Query.Settings;
using OpenMetrics.Apps.Query.Trends;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>
/// The query API (docs/query.md): each function binds its route and hands the call to its handler through
/// <see cref="QueryEndpoints"/>, which checks the key first; the local host calls the same. Anonymous at the Functions level: the query key is the guard.
/// </summary>
public sealed class QueryApi(QueryEndpoints endpoints)
{
    [Function(FunctionNames.Trends)]
    public async Task<IActionResult> Trends(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Trends)] HttpRequest request) =>
        await endpoints.HandleAsync<TrendsHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Funnel)]
    public async Task<IActionResult> Funnel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Funnel)] HttpRequest request) =>
        await endpoints.HandleAsync<FunnelHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.FunnelDropoff)]
    public async Task<IActionResult> FunnelDropoff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.FunnelDropoff)] HttpRequest request) =>
        await endpoints.HandleAsync<FunnelDropoffHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Retention)]
    public async Task<IActionResult> Retention(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Retention)] HttpRequest request) =>
        await endpoints.HandleAsync<RetentionHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.SearchUsers)]
    public async Task<IActionResult> SearchUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Users)] HttpRequest request) =>
        await endpoints.HandleAsync<SearchUsersHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.GetUser)]
    public async Task<IActionResult> GetUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.User)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<GetUserHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.UserEvents)]
    public async Task<IActionResult> UserEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.UserEvents)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<UserEventsHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.DeleteUser)]
    public async Task<IActionResult> DeleteUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = QueryRoutes.User)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<DeleteUserHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.ExportUser)]
    public async Task<IActionResult> ExportUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.UserExport)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<ExportUserHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Live)]
    public async Task<IActionResult> Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Live)] HttpRequest request) =>
        await endpoints.HandleAsync<LiveHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.AddMetricPoints)]
    public async Task<IActionResult> AddMetricPoints(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.MetricPoints)] HttpRequest request) =>
        await endpoints.HandleAsync<PushMetricPointsHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.MetricsQuery)]
    public async Task<IActionResult> QueryMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.MetricsQuery)] HttpRequest request) =>
        await endpoints.HandleAsync<MetricsQueryHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Settings)]
    public async Task<IActionResult> Settings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Settings)] HttpRequest request) =>
        await endpoints.HandleAsync<SettingsHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Catalog)]
    public async Task<IActionResult> Catalog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Catalog)] HttpRequest request) =>
        await endpoints.HandleAsync<CatalogHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.OpenApi)]
    public async Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.OpenApi)] HttpRequest request) =>
        await endpoints.HandleAsync<OpenApiDocument>(request, null, request.HttpContext.RequestAborted);
}
