using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query;
using OpenMetrics.Storage.Privacy;

namespace OpenMetrics.Apps.Privacy;

/// <summary>
/// A user's right of access (docs/query.md, "Deleting and exporting a user"): <c>GET /api/users/{id}/export</c>
/// streams everything stored about the user.
/// </summary>
public sealed class ExportUserHandler(UserExport export) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var userId = RouteIds.UserId(request, QueryRoutes.UserExport, id);
        var write = await export.PrepareAsync(userId, cancellationToken) ?? throw QueryException.NotFound($"The user '{userId}'");
        return HttpAnswer.Streamed(200, "application/json; charset=utf-8", write).WithHeader("Cache-Control", "no-store");
    }
}
