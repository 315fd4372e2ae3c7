using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Functions;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Storage.Query.People;

namespace OpenMetrics.Apps.Query.People;

/// <summary><c>GET /api/users/{id}</c> (docs/query.md, "People"): a user's profile. See docs/query.md.</summary>
public sealed class GetUserHandler(UserLookup lookup, UserProfiles profiles) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var user = await lookup.FindAsync(RouteIds.UserId(request, QueryRoutes.User, id), cancellationToken);
        return QueryAnswers.Answer(await profiles.ReadAsync(user, cancellationToken));
    }
}
