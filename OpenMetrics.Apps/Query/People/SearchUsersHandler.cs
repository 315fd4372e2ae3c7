using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query.People;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Apps.Query.People;

/// <summary>
/// <c>GET /api/users?search=&amp;limit=&amp;anonymous=</c> (docs/query.md, "People"): users whose id or properties
/// match. See docs/query.md for the choices.
/// </summary>
public sealed class SearchUsersHandler(UserDirectory directory) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var search = QueryStringArguments.Text(request, "search");
        var limit = QueryStringArguments.WholeNumber(request, "limit", 50, 1, 1000);
        var anonymous = QueryStringArguments.Bool(request, "anonymous", true);
        return QueryAnswers.Answer(new UserSearchAnswer(await directory.SearchAsync(search, limit, anonymous, cancellationToken)));
    }
}
