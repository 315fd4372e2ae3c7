using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Sources;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>Metric sources (docs/imports.md, "Metric sources"): list, define, test and run; the local host calls the same handlers.</summary>
public sealed class SourcesApi(QueryEndpoints endpoints)
{
    [Function(FunctionNames.Sources)]
    public async Task<IActionResult> Sources(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Sources)] HttpRequest request) =>
        await endpoints.HandleAsync<SourcesHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Source)]
    public async Task<IActionResult> Source(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = QueryRoutes.Source)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<SourceHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.TestSource)]
    public async Task<IActionResult> TestSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.TestSource)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<TestSourceHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.RunSource)]
    public async Task<IActionResult> RunSource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.RunSource)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<RunSourceHandler>(request, id, request.HttpContext.RequestAborted);
}
