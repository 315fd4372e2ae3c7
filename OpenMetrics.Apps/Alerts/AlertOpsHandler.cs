using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Alerts;

namespace OpenMetrics.Apps.Alerts;

/// <summary><c>POST /ops/alerts/evaluate</c>: evaluates every due alert now, as the timer would, and answers what each did.</summary>
public sealed class AlertOpsHandler(AlertEvaluator evaluator)
{
    public async Task<HttpAnswer> EvaluateAsync(CancellationToken cancellationToken) =>
        QueryAnswers.Answer(await evaluator.EvaluateDueAsync(cancellationToken));
}
