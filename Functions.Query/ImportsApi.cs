using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Imports;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Functions.Query;

/// <summary>
/// The imports API (docs/imports.md): uploads of other tools' exports and their progress. Each function hands the
/// call to its handler through <see cref="QueryEndpoints"/>, which checks the query key first.
/// </summary>
public sealed class ImportsApi(QueryEndpoints endpoints)
{
    [Function(FunctionNames.StartImport)]
    public async Task<IActionResult> StartImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.Imports)] HttpRequest request) =>
        await endpoints.HandleAsync<StartImportHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.ListImports)]
    public async Task<IActionResult> ListImports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Imports)] HttpRequest request) =>
        await endpoints.HandleAsync<ListImportsHandler>(request, null, request.HttpContext.RequestAborted);

    [Function(FunctionNames.GetImport)]
    public async Task<IActionResult> GetImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QueryRoutes.Import)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<GetImportHandler>(request, id, request.HttpContext.RequestAborted);

    [Function(FunctionNames.AddImportPart)]
    public async Task<IActionResult> AddImportPart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QueryRoutes.ImportParts)] HttpRequest request,
        string id) =>
        await endpoints.HandleAsync<AddImportPartHandler>(request, id, request.HttpContext.RequestAborted);
}
