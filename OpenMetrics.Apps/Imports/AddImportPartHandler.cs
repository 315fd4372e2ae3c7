using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;

namespace OpenMetrics.Apps.Imports;

/// <summary><c>POST /api/imports/{id}/parts?final=true|false</c>: the next part of the file, cut at a record boundary.</summary>
public sealed class AddImportPartHandler(ImportUpload upload) : IQueryHandler
{
    public Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken) =>
        upload.AddPartAsync(request, id, cancellationToken);
}
