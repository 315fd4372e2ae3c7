using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Snapshots;

namespace OpenMetrics.Apps.Query.Retention;

/// <summary><c>POST /api/query/retention</c>: an ad-hoc retention, or a saved one by <c>id</c> from its snapshot.</summary>
public sealed class RetentionHandler(RetentionAnalysis analysis, SnapshotAnswers answers) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var body = await QueryBody.ReadObjectAsync(request, cancellationToken);
        return QueryAnswers.Answer(await answers.AnswerAsync(analysis, body, cancellationToken));
    }
}
