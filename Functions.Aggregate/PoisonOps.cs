using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>The operator routes for the ingest poison queue; a function key guards them in Azure.</summary>
public sealed class PoisonOps(PoisonHandlers poison)
{
    [Function(FunctionNames.ListPoison)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OpsRoutes.Poison)] HttpRequest request) =>
        await poison.ListAsync(request.HttpContext.RequestAborted);

    [Function(FunctionNames.ReplayPoison)]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = OpsRoutes.ReplayPoison)] HttpRequest request) =>
        await poison.ReplayAsync(request.HttpContext.RequestAborted);

    [Function(FunctionNames.DiscardPoison)]
    public async Task<IActionResult> Discard(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = OpsRoutes.DiscardPoison)] HttpRequest request, string id) =>
        await poison.DiscardAsync(id, request.Query["sha256"], request.HttpContext.RequestAborted);
}
