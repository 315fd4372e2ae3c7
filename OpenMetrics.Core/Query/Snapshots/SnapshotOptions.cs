namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>How snapshots are kept, from configuration section <c>OpenMetrics:Snapshots</c>.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "OpenMetrics:Snapshots";

    /// <summary>How long an ad-hoc funnel or retention answer is served again to the same query (the dashboard re-asks on every view).</summary>
    public int AdhocCacheSeconds { get; set; } = 300;

    /// <summary>The nightly refresh removes cached ad-hoc answers older than this.</summary>
    public int AdhocKeepHours { get; set; } = 24;
}
