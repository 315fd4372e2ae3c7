namespace OpenMetrics.Core.Query;

/// <summary>The body of a 4xx answer of the query API.</summary>
public sealed record QueryError(string Error, string? Field);
