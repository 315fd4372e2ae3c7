using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query.Metrics;

namespace OpenMetrics.Apps.Query.Metrics;

/// <summary><c>POST /api/query/metrics</c>: one imported metric over time, in the trends' answer shape (docs/query.md, "Metrics").</summary>
public sealed class MetricsQueryHandler(MetricsQueryParser parser, MetricTrends metrics) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var query = parser.Parse(await QueryBody.ReadObjectAsync(request, cancellationToken));
        return QueryAnswers.Answer(await metrics.AnswerAsync(query, cancellationToken));
    }
}
