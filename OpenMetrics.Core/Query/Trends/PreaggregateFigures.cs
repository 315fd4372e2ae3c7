using System.Collections.Concurrent;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>Pre-aggregated figures per cell and event name, indexed by cell (a trend asks cell by cell).</summary>
public sealed class PreaggregateFigures
{
    private readonly ConcurrentDictionary<UtcCell, ConcurrentDictionary<string, BucketFigures>> _byCell = new();

    public IEnumerable<BucketFigures> All(UtcCell cell, Func<string, bool> eventMatches) =>
        _byCell.TryGetValue(cell, out var byEvent) ? byEvent.Where(pair => eventMatches(pair.Key)).Select(pair => pair.Value) : [];

    /// <summary>Adds one stored row's figures to the cell's total for the event (safe from parallel reads).</summary>
    public void Add(UtcCell cell, string eventName, BucketFigures figures)
    {
        var total = _byCell.GetOrAdd(cell, _ => new ConcurrentDictionary<string, BucketFigures>(StringComparer.Ordinal)).GetOrAdd(eventName, _ => new BucketFigures());
        lock (total)
        {
            total.Add(figures);
        }
    }
}
