using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.BrowserClient;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Ingest;

/// <summary>The browser client script, served from the ingest app so that a page needs only the ingest address.</summary>
public sealed class BrowserClientScript(ClientScript script)
{
    [Function(FunctionNames.ClientScript)]
    public IActionResult ClientScript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClientRoutes.BrowserScript)] HttpRequest request) =>
        script.Serve(request);
}
