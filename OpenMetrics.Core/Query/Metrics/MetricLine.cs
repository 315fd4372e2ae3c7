namespace OpenMetrics.Core.Query.Metrics;

/// <summary>A metric's value in each bucket of a query, and over the whole range; <c>0</c> where no point fell, as trends show empty buckets.</summary>
/// <param name="Points">How many points were read into it.</param>
public sealed record MetricLine(IReadOnlyList<double> Buckets, double Total, long Points);
