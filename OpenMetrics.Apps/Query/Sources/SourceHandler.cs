using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Query;
using OpenMetrics.Storage.Sources;

namespace OpenMetrics.Apps.Query.Sources;

/// <summary>
/// <c>GET|PUT|DELETE /api/sources/{id}</c>. A PUT creates (201) or replaces (200) the definition and keeps the state
/// (the next run starts from the last point, not from backfillDays again); either way the source is due at the next
/// tick of the timer. A premade source may be changed but not deleted: it would come back while its setting is set.
/// </summary>
public sealed class SourceHandler(ISourceStore store, IConfiguration configuration, TimeProvider clock) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        id ??= "";
        SourceParser.CheckId(id);
        if (HttpMethods.IsPut(request.Method))
        {
            return await PutAsync(request, id, cancellationToken);
        }

        var existing = await store.GetAsync(id, cancellationToken)
            ?? await Premade(id, cancellationToken)
            ?? throw QueryException.NotFound($"The source '{id}'");
        if (!HttpMethods.IsDelete(request.Method))
        {
            return QueryAnswers.Answer(SourceJson.WithState(existing));
        }

        if (existing.Definition.Premade && PremadeSources.From(configuration, clock.GetUtcNow()).Any(source => source.Id == id))
        {
            throw new QueryException($"'{id}' is premade: it comes back while {PremadeSources.WorkspaceSetting} is set. Remove that setting to stop it, or PUT it to change it.", "id", 409);
        }

        await store.DeleteAsync(id, cancellationToken);
        return HttpAnswer.Empty(204);
    }

    private async Task<HttpAnswer> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var body = await QueryBody.ReadObjectAsync(request, cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await store.GetAsync(id, cancellationToken);
        var definition = SourceParser.Parse(id, body, existing?.Definition.CreatedAt ?? now);
        if (definition.Http is { } http)
        {
            CheckPath(http.TimePath, "timePath");
            CheckPath(http.ValuePath, "valuePath");
        }

        var stored = await store.PutAsync(definition, now, cancellationToken);
        return QueryAnswers.Answer(SourceJson.WithState(stored), existing is null ? 201 : 200);
    }

    private static void CheckPath(string path, string field)
    {
        if (JsonPathPoints.Check(path) is { } problem)
        {
            throw new QueryException($"'{field}' is not a JSON path: {problem}", field);
        }
    }

    private async Task<StoredSource?> Premade(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (PremadeSources.From(configuration, now).FirstOrDefault(source => source.Id == id) is not { } premade)
        {
            return null;
        }

        await store.AddIfMissingAsync(premade, now, cancellationToken);
        return await store.GetAsync(id, cancellationToken);
    }
}
