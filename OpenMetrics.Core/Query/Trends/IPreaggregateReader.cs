using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>The pre-aggregated figures (counts, numeric stats, counts per property value) of UTC day, hour and minute cells.</summary>
public interface IPreaggregateReader
{
    /// <param name="events">The event names wanted; null for every event.</param>
    /// <param name="withValues">Whether counts per property value are needed (breakdowns and filters); they are the bulk of a row.</param>
    Task<PreaggregateFigures> ReadAsync(IReadOnlyCollection<UtcCell> cells, IReadOnlyCollection<string>? events, bool withValues, CancellationToken cancellationToken);
}
