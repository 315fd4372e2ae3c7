namespace OpenMetrics.Core.Alerts;

/// <summary>The alerts, their state and their history of crossings (the <c>Alerts</c> table, docs/storage.md).</summary>
public interface IAlertStore
{
    Task<IReadOnlyList<StoredAlert>> ListAsync(CancellationToken cancellationToken);

    Task<StoredAlert?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the definition; the state is kept (a changed threshold does not re-fire a firing alert).</summary>
    Task<StoredAlert> PutAsync(AlertDefinition definition, CancellationToken cancellationToken);

    /// <summary>Deletes the alert, its state and its history.</summary>
    /// <returns>False when there was no such alert.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the state only if it is still the version <paramref name="alert"/> was read at, and adds
    /// <paramref name="crossing"/> to the history in the same transaction: of two runs that read the same version,
    /// one claims the interval and the other gets null. This write comes before any delivery, so that a crossing is
    /// sent by the run that claimed it and by no other.
    /// </summary>
    /// <returns>The alert at its new version, or null when another run changed it first (or it was deleted).</returns>
    Task<StoredAlert?> TryClaimAsync(StoredAlert alert, AlertState state, AlertEvent? crossing, CancellationToken cancellationToken);

    /// <summary>Records how the deliveries of <paramref name="crossing"/> went (its row is found by its <c>From</c>).</summary>
    Task RecordDeliveryAsync(string id, AlertEvent crossing, CancellationToken cancellationToken);

    /// <summary>The crossings of an alert, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertEvent>> HistoryAsync(string id, int limit, CancellationToken cancellationToken);

    /// <summary>How many alerts there are, for the limit a PUT checks.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
