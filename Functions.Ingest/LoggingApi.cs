using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Ingest;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Functions.Ingest;

/// <summary>
/// The v1 logging API (docs/api-v1.md). Each function binds its route and hands the request to <see cref="IngestService"/>,
/// which the local host calls too. Anonymous: any page or server may log; the query API is the one behind a key.
/// </summary>
public sealed class LoggingApi(IngestService ingest)
{
    [Function(FunctionNames.Ping)]
    public async Task<IActionResult> Ping(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = V1Routes.Ping)] HttpRequest request) =>
        await ingest.HandleAsync(V1Call.Ping, request, request.HttpContext.RequestAborted);

    [Function(FunctionNames.CreateUser)]
    public async Task<IActionResult> CreateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = V1Routes.CreateUser)] HttpRequest request) =>
        await ingest.HandleAsync(V1Call.CreateUser, request, request.HttpContext.RequestAborted);

    [Function(FunctionNames.Events)]
    public async Task<IActionResult> Events(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = V1Routes.Events)] HttpRequest request) =>
        await ingest.HandleAsync(V1Call.Events, request, request.HttpContext.RequestAborted);

    [Function(FunctionNames.SetUserId)]
    public async Task<IActionResult> SetUserId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = V1Routes.SetUserId)] HttpRequest request) =>
        await ingest.HandleAsync(V1Call.SetUserId, request, request.HttpContext.RequestAborted);

    [Function(FunctionNames.SetUserProps)]
    public async Task<IActionResult> SetUserProps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = V1Routes.SetUserProps)] HttpRequest request) =>
        await ingest.HandleAsync(V1Call.SetUserProps, request, request.HttpContext.RequestAborted);

    [Function(FunctionNames.SetSessionProps)]
    public async Task<IActionResult> SetSessionProps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = V1Routes.SetSessionProps)] HttpRequest request) =>
        await ingest.HandleAsync(V1Call.SetSessionProps, request, request.HttpContext.RequestAborted);
}
