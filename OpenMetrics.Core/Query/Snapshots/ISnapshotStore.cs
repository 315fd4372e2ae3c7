namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>Computed answers kept by key (a saved definition, or an ad-hoc query's <see cref="SnapshotKeys"/>): only the newest is kept.</summary>
public interface ISnapshotStore
{
    Task<Snapshot?> NewestAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keeps the snapshot as the key's newest and removes older ones.</summary>
    Task SaveAsync(string key, Snapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Removes cached ad-hoc answers computed before <paramref name="cutoff"/> (they are never read again after their TTL).</summary>
    /// <returns>How many were removed.</returns>
    Task<int> DeleteAdhocBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Removes every stored answer that names one of <paramref name="userKeys"/>: a deleted user must not stay readable there.</summary>
    Task DeleteMentioningAsync(IReadOnlyList<string> userKeys, CancellationToken cancellationToken);
}
