using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query.Live;

namespace OpenMetrics.Apps.Query.Live;

/// <summary><c>GET /api/live?event=&amp;limit=</c> (docs/query.md, "Live"); see <see cref="LiveView"/> and docs/query.md.</summary>
public sealed class LiveHandler(LiveView view) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var eventName = QueryStringArguments.Text(request, "event");
        var latest = QueryStringArguments.WholeNumber(request, "limit", 50, 1, 500);
        return QueryAnswers.Answer(await view.ReadAsync(eventName, latest, cancellationToken));
    }
}
