using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Core.Functions;
using OpenMetrics.Storage.Aggregation;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>Folds the pre-aggregates on the catalog's schedule; the local host's timer runner calls the same compactor.</summary>
public sealed class CompactionTimer(AggregateCompactor compactor)
{
    [Function(FunctionNames.CompactAggregates)]
    public Task Run([TimerTrigger(Schedules.Compaction)] TimerInfo timer, CancellationToken cancellationToken) =>
        compactor.CompactAsync(cancellationToken);
}
