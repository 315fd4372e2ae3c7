using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Catalog;

/// <summary>What the catalog gathers about one event over its window, before it is cut down to an answer.</summary>
public sealed class EventFacts(string name)
{
    public string Name { get; } = name;

    public long Count { get; private set; }

    /// <summary>The newest UTC day (<c>yyyyMMdd</c>) with the event, then narrowed to its newest minute.</summary>
    public string? NewestDay { get; private set; }

    public DateTimeOffset? LastSeen { get; set; }

    public HashSet<string> Numeric { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts per value per property, summed over the window's days without the per-bucket caps.</summary>
    public Dictionary<string, Dictionary<string, long>> Values { get; } = new(StringComparer.Ordinal);

    public void Add(string day, BucketFigures figures)
    {
        Count += figures.Count;
        if (figures.Count > 0 && (NewestDay is null || string.CompareOrdinal(day, NewestDay) > 0))
        {
            NewestDay = day;
        }

        Numeric.UnionWith(figures.Numeric.Keys);
        foreach (var (prop, counts) in figures.Values)
        {
            if (!Values.TryGetValue(prop, out var known))
            {
                Values[prop] = known = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            foreach (var (value, count) in counts)
            {
                known[value] = known.GetValueOrDefault(value) + count;
            }
        }
    }

    public CatalogEntry ToEntry(int valuesPerProp) => new(
        Name,
        Count,
        LastSeen,
        [.. Values.Keys.Union(Numeric).Order(StringComparer.Ordinal)],
        [.. Numeric.Order(StringComparer.Ordinal)],
        Values.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)[.. pair.Value
                .Where(value => value.Key != Breakdown.Other)
                .OrderByDescending(value => value.Value).ThenBy(value => value.Key, StringComparer.Ordinal)
                .Take(valuesPerProp)
                .Select(value => value.Key)],
            StringComparer.Ordinal));
}
