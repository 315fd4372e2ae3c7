using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Snapshots;

namespace OpenMetrics.Apps.Query.Funnels;

/// <summary><c>POST /api/query/funnel</c> answers a funnel (ad hoc, or a saved one by <c>id</c> from its snapshot).</summary>
public sealed class FunnelHandler(FunnelAnalysis analysis, SnapshotAnswers answers) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var body = await QueryBody.ReadObjectAsync(request, cancellationToken);
        return QueryAnswers.Answer(await answers.AnswerAsync(analysis, body, cancellationToken));
    }
}
