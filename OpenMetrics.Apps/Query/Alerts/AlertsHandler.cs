using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Alerts;

namespace OpenMetrics.Apps.Query.Alerts;

/// <summary><c>GET /api/alerts</c>: every alert with its state, oldest first.</summary>
public sealed class AlertsHandler(IAlertStore store) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var alerts = new JsonArray();
        foreach (var alert in await store.ListAsync(cancellationToken))
        {
            alerts.Add(AlertJson.WithState(alert));
        }

        return QueryAnswers.Answer(new JsonObject { ["alerts"] = alerts });
    }
}
