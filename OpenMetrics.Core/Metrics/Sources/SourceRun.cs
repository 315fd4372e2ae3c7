namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>What one run of a source did: <see cref="Ran"/> is false when another run held it.</summary>
public sealed record SourceRun(bool Ran, int PointsWritten, string? Error, SourceState State);
