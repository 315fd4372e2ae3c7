using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Core.Functions;
using OpenMetrics.Storage.Privacy;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>
/// Finishes user deletions left half-way and deletes raw events past their retention, on the operator's schedule
/// (<see cref="Schedules.DataRetentionSetting"/>); the local host's timer runner calls the same.
/// </summary>
public sealed class DataRetentionTimer(DataRetention retention)
{
    [Function(FunctionNames.DataRetention)]
    public Task Run([TimerTrigger(Schedules.DataRetention)] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.RunAsync(cancellationToken);
}
