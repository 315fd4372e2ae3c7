namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// Answers a parsed trends query exactly as <c>POST /api/query/trends</c> does (pre-aggregates when they can, else the
/// raw events; metric series from their points), for the features built on trends: custom metrics and alerts.
/// </summary>
public interface ITrendsAnswers
{
    Task<TrendsAnswer> AnswerAsync(TrendsQuery query, CancellationToken cancellationToken);
}
