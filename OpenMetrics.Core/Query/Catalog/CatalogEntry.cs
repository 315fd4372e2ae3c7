namespace OpenMetrics.Core.Query.Catalog;

/// <summary>
/// One event name in the catalog (docs/query.md: <c>event</c>, <c>count</c>, <c>lastSeen</c>, <c>props</c>). Count is over
/// the catalog's window; last seen is the start of the newest UTC minute with the event. <c>props</c> lists every
/// property key the pre-aggregates know for it, <c>numeric</c> those with numbers (for sum, average, min and max),
/// <c>values</c> the most frequent values per key, most frequent first, for autocompletion.
/// </summary>
public sealed record CatalogEntry(
    string Event,
    long Count,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Props,
    IReadOnlyList<string> Numeric,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values);
