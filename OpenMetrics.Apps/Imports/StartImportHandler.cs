using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;

namespace OpenMetrics.Apps.Imports;

/// <summary><c>POST /api/imports?format=F&amp;final=true|false</c>: the file, or its first part, as the body (docs/imports.md).</summary>
public sealed class StartImportHandler(ImportUpload upload) : IQueryHandler
{
    public Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken) =>
        upload.StartAsync(request, cancellationToken);
}
