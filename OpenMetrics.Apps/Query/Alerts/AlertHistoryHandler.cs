using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query.Alerts;

/// <summary>
/// <c>GET /api/alerts/{id}/history?limit=100</c>: the alert's crossings (fired, resolved), newest first, each with its
/// interval, value and how its deliveries went (<c>pending</c> while they run).
/// </summary>
public sealed class AlertHistoryHandler(IAlertStore store) : IQueryHandler
{
    public const int MaxLimit = 1000;

    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        id ??= "";
        AlertParser.CheckId(id);
        var limit = QueryStringArguments.WholeNumber(request, "limit", 100, 1, MaxLimit);
        _ = await store.GetAsync(id, cancellationToken) ?? throw QueryException.NotFound($"The alert '{id}'");
        var history = new JsonArray();
        foreach (var crossing in await store.HistoryAsync(id, limit, cancellationToken))
        {
            history.Add(AlertJson.Crossing(crossing));
        }

        return QueryAnswers.Answer(new JsonObject { ["id"] = id, ["history"] = history });
    }
}
