namespace OpenMetrics.Core.Query.Catalog;

/// <summary>The catalog as computed at one time: every event of the window with everything known about it.</summary>
public sealed record CatalogSnapshot(DateTimeOffset Since, DateTimeOffset Until, DateTimeOffset ComputedAt, IReadOnlyList<EventFacts> Events);
