using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Dashboard;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>Serves the dashboard's static files at <c>/</c>; the local host serves the same files through the same class.</summary>
public sealed class DashboardSite(DashboardFiles files)
{
    [Function(FunctionNames.Dashboard)]
    public IActionResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Dashboard)] HttpRequest request,
        string? path) =>
        files.Serve(path);
}
