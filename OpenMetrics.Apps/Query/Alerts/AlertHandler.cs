using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.CustomMetrics;

namespace OpenMetrics.Apps.Query.Alerts;

/// <summary>
/// <c>GET|PUT|DELETE /api/alerts/{id}</c> (docs/metrics-alerts.md, "Alerts"). A PUT creates (201) or replaces (200) the
/// definition and keeps the state, so a changed threshold neither re-fires a firing alert nor forgets it fired. A
/// <c>metric</c> that names no saved metric is a 400 on <c>metric</c>.
/// </summary>
public sealed class AlertHandler(IAlertStore store, AlertParser parser, ICustomMetricValues metrics, TimeProvider clock) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        id ??= "";
        AlertParser.CheckId(id);
        if (HttpMethods.IsPut(request.Method))
        {
            return await PutAsync(request, id, cancellationToken);
        }

        var existing = await store.GetAsync(id, cancellationToken) ?? throw QueryException.NotFound($"The alert '{id}'");
        if (!HttpMethods.IsDelete(request.Method))
        {
            return QueryAnswers.Answer(AlertJson.WithState(existing));
        }

        await store.DeleteAsync(id, cancellationToken);
        return HttpAnswer.Empty(204);
    }

    private async Task<HttpAnswer> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var body = await QueryBody.ReadObjectAsync(request, cancellationToken);
        var existing = await store.GetAsync(id, cancellationToken);
        var definition = parser.Parse(id, body, existing?.Definition.CreatedAt ?? clock.GetUtcNow());
        if (definition.MetricId is { } metric)
        {
            await CheckMetricAsync(metric, cancellationToken);
        }

        if (existing is null && await store.CountAsync(cancellationToken) >= AlertParser.MaxAlerts)
        {
            throw new QueryException($"A project has at most {AlertParser.MaxAlerts} alerts: delete one first.", "id");
        }

        var stored = await store.PutAsync(definition, cancellationToken);
        return QueryAnswers.Answer(AlertJson.WithState(stored), existing is null ? 201 : 200);
    }

    private async Task CheckMetricAsync(string metric, CancellationToken cancellationToken)
    {
        try
        {
            await metrics.FindAsync(metric, cancellationToken);
        }
        catch (QueryException exception) when (exception.Status == 404)
        {
            throw new QueryException($"'metric': no saved metric has the id '{metric}'; save it at PUT /api/metrics/{metric} first, or give an inline 'query'.", "metric");
        }
    }
}
