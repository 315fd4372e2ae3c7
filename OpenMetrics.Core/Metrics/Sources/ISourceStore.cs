namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>The metric sources and their run state (the <c>Sources</c> table, docs/storage.md).</summary>
public interface ISourceStore
{
    Task<IReadOnlyList<StoredSource>> ListAsync(CancellationToken cancellationToken);

    Task<StoredSource?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the definition; the state is kept, and the source is due at <paramref name="dueAt"/>.</summary>
    Task<StoredSource> PutAsync(MetricSource definition, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Adds the definition only if no source has its id (a premade source the user changed stays changed).</summary>
    Task AddIfMissingAsync(MetricSource definition, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <returns>False when there was no such source.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the state only if it is still the version <paramref name="source"/> was read at: two runs that read the
    /// same version cannot both claim it.
    /// </summary>
    /// <returns>The source at its new version, or null when another run changed it first.</returns>
    Task<StoredSource?> TryUpdateStateAsync(StoredSource source, SourceState state, CancellationToken cancellationToken);

    /// <summary>Writes a finished run's state whatever the version (a PUT during the run changed it); a deleted source stays deleted.</summary>
    Task SaveStateAsync(string id, SourceState state, CancellationToken cancellationToken);
}
