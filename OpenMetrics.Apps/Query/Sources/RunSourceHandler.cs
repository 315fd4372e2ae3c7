using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query.Sources;

/// <summary>
/// <c>POST /api/sources/{id}/run</c>: runs the source now and writes its points, as the timer would; answers the
/// source with its new state (a failed pull is a 200 whose <c>state.lastError</c> says why), or 409 while another run holds it.
/// </summary>
public sealed class RunSourceHandler(ISourceStore store, SourceRunner runner) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        id ??= "";
        SourceParser.CheckId(id);
        var source = await store.GetAsync(id, cancellationToken) ?? throw QueryException.NotFound($"The source '{id}'");
        if (source.Definition.Kind == SourceKind.Push)
        {
            throw new QueryException("A push source is not pulled: its points arrive through POST /api/metrics/points.", "kind");
        }

        var run = await runner.RunAsync(source, cancellationToken);
        if (!run.Ran)
        {
            throw new QueryException($"The source '{id}' is running already; try again when it has finished.", null, 409);
        }

        return QueryAnswers.Answer(SourceJson.WithState(source with { State = run.State }));
    }
}
