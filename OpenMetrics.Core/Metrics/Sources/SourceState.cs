namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>What the runs of a source have done so far (<c>GET /api/sources/{id}</c> shows it).</summary>
/// <param name="LastRunAt">When the last run finished.</param>
/// <param name="LastError">Why the last run failed, in plain words; null when it succeeded.</param>
/// <param name="PointsWritten">Points the last run wrote.</param>
/// <param name="TotalPointsWritten">Points every run wrote together (a rewritten point counts again).</param>
/// <param name="LastPointAt">The newest point any run has written: the next run starts one overlap before it.</param>
/// <param name="NextDueAt">When the timer runs it next.</param>
/// <param name="RunningSince">Set while a run holds the source, so that a second timer run leaves it alone.</param>
public sealed record SourceState(
    DateTimeOffset? LastRunAt,
    string? LastError,
    int PointsWritten,
    long TotalPointsWritten,
    DateTimeOffset? LastPointAt,
    DateTimeOffset? NextDueAt,
    DateTimeOffset? RunningSince)
{
    public static readonly SourceState New = new(null, null, 0, 0, null, null, null);
}

/// <summary>A source as stored: its definition, its state and the version (ETag) the state was read at.</summary>
public sealed record StoredSource(MetricSource Definition, SourceState State, string Version);
