using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Annotations;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>Annotations (docs/metrics-alerts.md, "Annotations"): add, list and delete; the local host calls the same handlers.</summary>
public sealed class AnnotationsApi(QueryEndpoints endpoints)
{
    [Function(FunctionNames.Annotations)]
    public async Task<IActionResult> Annotations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = QueryRoutes.Annotations)] HttpRequest request) =>
        await endpoints.HandleAsync<AnnotationsHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.DeleteAnnotation)]
    public async Task<IActionResult> DeleteAnnotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = QueryRoutes.Annotation)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<DeleteAnnotationHandler>(request, id, request.HttpContext.RequestAborted);
}
