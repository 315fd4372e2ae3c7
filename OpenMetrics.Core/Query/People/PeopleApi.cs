using Microsoft.AspNetCore.Http;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Http;
using OpenMetrics.Core.Identity;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// People (QUERY.md, "People and live"): <c>GET /api/users?search=&amp;limit=&amp;anonymous=</c>, <c>GET /api/users/{id}</c>
/// and <c>GET /api/users/{id}/events?limit=&amp;before=&amp;event=</c>. See docs/query.md for the choices.
/// </summary>
public sealed class PeopleApi(UserDirectory directory, UserLookup lookup, UserProfiles profiles, UserTimeline timeline) : IQueryHandler
{
    public IReadOnlyList<string> Functions { get; } = [QueryFunctionNames.SearchUsers, QueryFunctionNames.GetUser, QueryFunctionNames.UserEvents];

    public async Task<HttpAnswer> HandleAsync(string function, HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        switch (function)
        {
            case QueryFunctionNames.SearchUsers:
                var search = QueryStringArguments.Text(request, "search");
                var limit = QueryStringArguments.WholeNumber(request, "limit", 50, 1, 1000);
                var anonymous = QueryStringArguments.Bool(request, "anonymous", true);
                return QueryJson.Answer(new UserSearchAnswer(await directory.SearchAsync(search, limit, anonymous, cancellationToken)));

            case QueryFunctionNames.GetUser:
                var user = await lookup.FindAsync(UserId(request, QueryRoutes.User, id), cancellationToken);
                return QueryJson.Answer(await profiles.ReadAsync(user, cancellationToken));

            case QueryFunctionNames.UserEvents:
                var pageSize = QueryStringArguments.WholeNumber(request, "limit", 100, 1, 1000);
                var before = QueryStringArguments.Text(request, "before") is { } cursor ? TimelineCursor.Decode(cursor) : null;
                var filter = new TimelineFilter(before, QueryStringArguments.Text(request, "event"));
                var owner = await lookup.FindAsync(UserId(request, QueryRoutes.UserEvents, id), cancellationToken);
                var (events, next) = await timeline.ReadAsync(owner.UserKey, pageSize, filter, cancellationToken);
                return QueryJson.Answer(new TimelinePage(events, next, owner.UserKey, owner.MergedFrom));

            default:
                throw new InvalidOperationException($"{nameof(PeopleApi)} does not answer {function}.");
        }
    }

    private static string UserId(HttpRequest request, string route, string? id) =>
        id is null ? throw new QueryException("The route needs a user id.", "id") : RouteIds.Decode(request, route, id);
}
