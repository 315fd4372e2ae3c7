namespace OpenMetrics.Core.Query.Catalog;

/// <summary>
/// The catalog, kept in memory for <see cref="Lifetime"/>: every dashboard load reads it, and its figures move slowly.
/// One computation serves every caller that arrives while it runs; a failed one is not kept, nor an empty one (a new
/// project's first event shows on the next load, and an empty catalog is cheap to read).
/// </summary>
public sealed class EventCatalog(ICatalogSource reader, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private (DateTimeOffset Started, Task<CatalogSnapshot> Computing)? _current;

    public Task<CatalogSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current is not { } current || now - current.Started >= Lifetime || current.Computing.IsFaulted || current.Computing.IsCanceled
                || current.Computing is { IsCompletedSuccessfully: true, Result.Events.Count: 0 })
            {
                // Not the caller's token: the computation is shared, and one caller leaving must not cancel it for the others.
                current = (now, reader.ReadAsync(now, CancellationToken.None));
                _current = current;
            }

            return current.Computing.WaitAsync(cancellationToken);
        }
    }
}
