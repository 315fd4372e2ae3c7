using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query;

/// <summary>The raw events of a time range, handed over a UTC day at a time (trends that need raw events, streams, segments).</summary>
public interface IEventReader
{
    /// <summary>Calls <paramref name="onDay"/> with the events of each UTC day inside <c>[from, to)</c> (any day order; one call at a time).</summary>
    /// <returns>How many events were read.</returns>
    /// <exception cref="QueryException">The range holds more raw events than a query may read.</exception>
    Task<long> ScanAsync(DateTimeOffset from, DateTimeOffset to, Func<List<StoredEvent>, Task> onDay, CancellationToken cancellationToken);
}
