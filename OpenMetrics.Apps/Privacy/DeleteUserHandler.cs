using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query;
using OpenMetrics.Storage.Privacy;

namespace OpenMetrics.Apps.Privacy;

/// <summary>
/// A user's right to erasure (docs/query.md, "Deleting and exporting a user"): <c>DELETE /api/users/{id}</c> answers
/// the completed <see cref="DeletionRecord"/> (again on a retry).
/// </summary>
public sealed class DeleteUserHandler(UserDeletion deletion) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var userId = RouteIds.UserId(request, QueryRoutes.User, id);
        var deleted = await deletion.DeleteAsync(userId, cancellationToken) ?? throw QueryException.NotFound($"The user '{userId}'");
        return QueryAnswers.Answer(deleted);
    }
}
