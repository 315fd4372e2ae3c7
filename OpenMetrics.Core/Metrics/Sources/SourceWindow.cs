namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// The time window a run pulls: on the first run (no point yet) <c>backfillDays</c> back from now; then from one
/// overlap before the newest point written, so that a bucket still filling at the last run is pulled again and
/// rewritten (points are idempotent per metric, dims and time).
/// </summary>
public readonly record struct SourceWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static SourceWindow For(MetricSource source, SourceState state, DateTimeOffset now)
    {
        var from = state.LastPointAt is { } last
            ? last - source.Overlap
            : now - TimeSpan.FromDays(source.BackfillDays);

        // A source with backfillDays 0 and no point yet still pulls its latest interval.
        var floor = now - (source.Overlap > TimeSpan.Zero ? source.Overlap : TimeSpan.FromHours(1));
        return new SourceWindow(from < floor ? from : floor, now);
    }
}
