using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Apps.Query.Sources;

/// <summary>
/// <c>GET /api/sources</c>: every source with its state, oldest first. The premade ones are added first if missing,
/// so that a new deployment lists them before the timer has run.
/// </summary>
public sealed class SourcesHandler(ISourceStore store, IConfiguration configuration, TimeProvider clock) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var premade in PremadeSources.From(configuration, now))
        {
            await store.AddIfMissingAsync(premade, now, cancellationToken);
        }

        var sources = new JsonArray();
        foreach (var source in await store.ListAsync(cancellationToken))
        {
            sources.Add(SourceJson.WithState(source));
        }

        return QueryAnswers.Answer(new JsonObject { ["sources"] = sources });
    }
}
