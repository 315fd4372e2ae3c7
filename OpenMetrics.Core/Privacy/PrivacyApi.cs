using Microsoft.AspNetCore.Http;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Http;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Core.Privacy;

/// <summary>
/// A user's rights over their data (docs/query.md, "Deleting and exporting a user"): <c>DELETE /api/users/{id}</c>
/// answers the completed <see cref="DeletionRecord"/> (again on a retry), <c>GET /api/users/{id}/export</c> streams
/// everything stored about the user.
/// </summary>
public sealed class PrivacyApi(UserDeletion deletion, UserExport export) : IQueryHandler
{
    public IReadOnlyList<string> Functions { get; } = [QueryFunctionNames.DeleteUser, QueryFunctionNames.ExportUser];

    public async Task<HttpAnswer> HandleAsync(string function, HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        switch (function)
        {
            case QueryFunctionNames.DeleteUser:
                var deletedId = UserId(request, QueryRoutes.User, id);
                var deleted = await deletion.DeleteAsync(deletedId, cancellationToken) ?? throw QueryException.NotFound($"The user '{deletedId}'");
                return QueryJson.Answer(deleted);

            case QueryFunctionNames.ExportUser:
                var exportedId = UserId(request, QueryRoutes.UserExport, id);
                var write = await export.PrepareAsync(exportedId, cancellationToken) ?? throw QueryException.NotFound($"The user '{exportedId}'");
                return HttpAnswer.Streamed(200, "application/json; charset=utf-8", write).WithHeader("Cache-Control", "no-store");

            default:
                throw new InvalidOperationException($"{nameof(PrivacyApi)} does not answer {function}.");
        }
    }

    private static string UserId(HttpRequest request, string route, string? id) =>
        id is null ? throw new QueryException("The route needs a user id.", "id") : RouteIds.Decode(request, route, id);
}
