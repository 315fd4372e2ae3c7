using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Query;
using OpenMetrics.Storage.Imports;

namespace OpenMetrics.Apps.Imports;

/// <summary><c>GET /api/imports/{id}</c>: the import's state and figures so far (<see cref="Core.Imports.ImportStatus"/>).</summary>
public sealed class GetImportHandler(ImportStore imports) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        if (id is null || await imports.ReadAsync(id, cancellationToken) is not { } import)
        {
            throw new QueryException($"There is no import '{id}'.", "id", 404);
        }

        return QueryAnswers.Answer(await imports.StatusAsync(import, cancellationToken));
    }
}
