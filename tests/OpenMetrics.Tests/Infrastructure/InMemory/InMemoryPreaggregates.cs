using System.Text.Json;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>
/// Pre-aggregated figures per UTC minute, hour and day cell and event name, as <see cref="IPreaggregateReader"/> reads
/// them: only the cells and events asked for, counts per property value only when asked (weeks and months have none).
/// </summary>
public sealed class InMemoryPreaggregates : IPreaggregateReader
{
    private readonly Dictionary<(UtcCell Cell, string Event), BucketFigures> _stored = [];

    /// <summary>Counts one event in its minute, hour and day, as the aggregation does.</summary>
    public void Count(string eventName, DateTimeOffset ts, string? propsJson = null)
    {
        var props = propsJson is null ? (JsonElement?)null : JsonDocument.Parse(propsJson).RootElement.Clone();
        var utc = ts.UtcDateTime;
        var minute = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
        foreach (var cell in new[] { new UtcCell(CellLevel.Minute, minute), new UtcCell(CellLevel.Hour, minute.AddMinutes(-minute.Minute)), new UtcCell(CellLevel.Day, new DateTimeOffset(utc.Date, TimeSpan.Zero)) })
        {
            if (!_stored.TryGetValue((cell, eventName), out var figures))
            {
                figures = new BucketFigures();
                _stored[(cell, eventName)] = figures;
            }

            figures.AddEvent(props);
        }
    }

    public Task<PreaggregateFigures> ReadAsync(IReadOnlyCollection<UtcCell> cells, IReadOnlyCollection<string>? events, bool withValues, CancellationToken cancellationToken)
    {
        var wanted = cells.ToHashSet();
        var figures = new PreaggregateFigures();
        foreach (var ((cell, eventName), stored) in _stored)
        {
            if (wanted.Contains(cell) && (events is null || events.Contains(eventName)))
            {
                figures.Add(cell, eventName, withValues ? stored : WithoutValues(stored));
            }
        }

        return Task.FromResult(figures);
    }

    private static BucketFigures WithoutValues(BucketFigures stored)
    {
        var copy = new BucketFigures(stored.Count);
        foreach (var (prop, stats) in stored.Numeric)
        {
            copy.Numeric[prop] = stats;
        }

        return copy;
    }
}
