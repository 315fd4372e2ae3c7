namespace OpenMetrics.Core.Metrics;

/// <summary>The answer of a push: how many distinct points (metric, dims, time) were written; the same point twice in one call counts once.</summary>
public sealed record MetricPointsWritten(int Written);
