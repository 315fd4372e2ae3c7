using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Query.Snapshots;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>
/// Snapshots of the saved funnels and retentions, on the schedules the operator sets (app settings named in
/// <see cref="Schedules"/>): the ones whose numbers can still move often, all of them nightly. The local host's timer
/// runner calls the same refresher.
/// </summary>
public sealed class SnapshotTimers(SnapshotRefresher refresher)
{
    [Function(FunctionNames.SnapshotRecent)]
    public Task RefreshRecent([TimerTrigger(Schedules.SnapshotRecent)] TimerInfo timer, CancellationToken cancellationToken) =>
        refresher.RefreshRecentAsync(cancellationToken);

    [Function(FunctionNames.SnapshotFull)]
    public Task RefreshAll([TimerTrigger(Schedules.SnapshotFull)] TimerInfo timer, CancellationToken cancellationToken) =>
        refresher.RefreshAllAsync(cancellationToken);
}
