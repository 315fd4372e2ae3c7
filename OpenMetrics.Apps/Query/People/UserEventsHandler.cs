using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query.People;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Storage.Query.People;

namespace OpenMetrics.Apps.Query.People;

/// <summary>
/// <c>GET /api/users/{id}/events?limit=&amp;before=&amp;event=</c> (docs/query.md, "People"): a user's timeline, a
/// page at a time. See docs/query.md.
/// </summary>
public sealed class UserEventsHandler(UserLookup lookup, UserTimeline timeline) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var pageSize = QueryStringArguments.WholeNumber(request, "limit", 100, 1, 1000);
        var before = QueryStringArguments.Text(request, "before") is { } cursor ? TimelineCursor.Decode(cursor) : null;
        var filter = new TimelineFilter(before, QueryStringArguments.Text(request, "event"));
        var owner = await lookup.FindAsync(RouteIds.UserId(request, QueryRoutes.UserEvents, id), cancellationToken);
        var (events, next) = await timeline.ReadAsync(owner.UserKey, pageSize, filter, cancellationToken);
        return QueryAnswers.Answer(new TimelinePage(events, next, owner.UserKey, owner.MergedFrom));
    }
}
