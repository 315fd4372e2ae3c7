namespace OpenMetrics.Core.Query.Catalog;

/// <summary>
/// The answer of <c>GET /api/catalog</c>: the events seen in <c>[since, until)</c> (the last 30 UTC days, today
/// included), most frequent first. <c>computedAt</c> tells how old the figures are: the catalog is kept 30 seconds.
/// </summary>
/// <param name="Metrics">The names of the imported metrics (pushed or pulled by a source), in ordinal order, for pickers.</param>
public sealed record CatalogAnswer(DateTimeOffset Since, DateTimeOffset Until, DateTimeOffset ComputedAt, IReadOnlyList<CatalogEntry> Events, IReadOnlyList<string> Metrics);
