using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Metrics;

namespace OpenMetrics.Apps.Query.Metrics;

/// <summary>
/// <c>POST /api/metrics/points</c>: a push source's points, checked whole (a 400 names the first bad field) and
/// upserted per (metric, dims, time), so a repeated call changes nothing. Answers <c>{"written": N}</c>.
/// </summary>
public sealed class PushMetricPointsHandler(IMetricPointWriter writer, TimeProvider clock) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var points = MetricPushParser.Parse(await QueryBody.ReadObjectAsync(request, cancellationToken), clock.GetUtcNow());
        return QueryAnswers.Answer(new MetricPointsWritten(await writer.WriteAsync(points, cancellationToken)));
    }
}
