using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Imports;
using OpenMetrics.Storage.Imports;

namespace OpenMetrics.Apps.Imports;

/// <summary><c>GET /api/imports</c>: <c>{"imports":[...]}</c>, newest first, each as <c>GET /api/imports/{id}</c> shows it.</summary>
public sealed class ListImportsHandler(ImportStore imports) : IQueryHandler
{
    /// <summary>The page shows recent imports; older ones stay readable by id.</summary>
    public const int MaxListed = 100;

    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var listed = new List<ImportStatus>();
        foreach (var import in (await imports.ListAsync(cancellationToken)).Take(MaxListed))
        {
            listed.Add(await imports.StatusAsync(import, cancellationToken));
        }

        return QueryAnswers.Answer(new ImportList(listed));
    }

    public sealed record ImportList(IReadOnlyList<ImportStatus> Imports);
}
