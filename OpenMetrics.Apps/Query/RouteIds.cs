using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query;

/// <summary>
/// The route's <c>{id}</c> exactly as the client percent-encoded it. Servers decode the path before routing except
/// <c>%2F</c>, so the bound value of <c>a%2Fb</c> is <c>a%2Fb</c> while that of <c>a%252Fb</c> is <c>a%2Fb</c> too:
/// user ids may hold any character, so the segment is decoded here from the raw request target, once.
/// </summary>
public static class RouteIds
{
    private const string Placeholder = "{id}";

    /// <summary>The user id of a <c>/api/users/{id}...</c> route, decoded as <see cref="Decode"/> does.</summary>
    public static string UserId(HttpRequest request, string route, string? bound) =>
        bound is null ? throw new QueryException("The route needs a user id.", "id") : Decode(request, route, bound);

    /// <param name="route">The function's route template, such as <c>api/users/{id}/events</c>.</param>
    /// <param name="bound">The value the host bound to <c>{id}</c>: the answer when the raw target is not available.</param>
    public static string Decode(HttpRequest request, string route, string bound)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/'))
        {
            return bound;
        }

        var path = raw.Split('?', 2)[0].Split('/');
        var template = route.Split('/');
        var position = Array.IndexOf(template, Placeholder);

        // Counted from the end, so that a path base in front of the route (a proxy's prefix) changes nothing.
        var index = path.Length - template.Length + position;
        return position < 0 || index < 1 ? bound : Uri.UnescapeDataString(path[index]);
    }
}
