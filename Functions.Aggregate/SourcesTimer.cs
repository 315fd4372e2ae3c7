using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>
/// Every minute, runs the metric sources that are due on their own schedules (docs/imports.md, "Metric sources");
/// the local host's timer runner calls the same runner.
/// </summary>
public sealed class SourcesTimer(SourceRunner runner)
{
    [Function(FunctionNames.RunDueSources)]
    public Task Run([TimerTrigger(Schedules.Sources)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunDueAsync(cancellationToken);
}
