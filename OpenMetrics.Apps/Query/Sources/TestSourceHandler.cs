using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query.Sources;

/// <summary>
/// <c>POST /api/sources/{id}/test</c>: pulls the source once and answers what a run would write,
/// <c>{"points": [...], "error": null}</c>, writing nothing and leaving its state alone. With a body, the body is the
/// definition to try (the dashboard's form, before it is saved) and the window is a first run's; without one, the
/// stored source and its next run's window. A failed pull is still a 200, with the error a run would record.
/// </summary>
public sealed class TestSourceHandler(ISourceStore store, SourceRunner runner, TimeProvider clock) : IQueryHandler
{
    /// <summary>A preview is for the eye: a chart shows a few thousand points at most.</summary>
    public const int MaxPreviewPoints = 5000;

    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        id ??= "";
        SourceParser.CheckId(id);
        var source = request.ContentLength is > 0
            ? new StoredSource(SourceParser.Parse(id, await QueryBody.ReadObjectAsync(request, cancellationToken), clock.GetUtcNow()), SourceState.New, "")
            : await store.GetAsync(id, cancellationToken) ?? throw QueryException.NotFound($"The source '{id}'");
        if (source.Definition.Kind == SourceKind.Push)
        {
            throw new QueryException("A push source is not pulled: there is nothing to test.", "kind");
        }

        JsonObject answer;
        try
        {
            var points = await runner.PreviewAsync(source, cancellationToken);
            answer = SourceJson.Points(points.OrderBy(point => point.T).Take(MaxPreviewPoints));
            answer["count"] = points.Count;
            answer["error"] = null;
        }
        catch (SourcePullException exception)
        {
            answer = SourceJson.Points([]);
            answer["count"] = 0;
            answer["error"] = exception.Message;
        }

        return QueryAnswers.Answer(answer);
    }
}
