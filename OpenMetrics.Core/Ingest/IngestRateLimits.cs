namespace OpenMetrics.Core.Ingest;

/// <summary>
/// How many v1 calls one client address and one session may make in a window, in the section
/// <c>OpenMetrics:Ingest:RateLimits</c> (docs/reliability.md, "Write keys and rate limits"). The defaults are far above
/// what an honest client sends (the browser client sends at most about one call a second a page); 0 turns a limit
/// off. Each instance of the ingest app counts on its own.
/// </summary>
public sealed class IngestRateLimits
{
    public const string Section = "OpenMetrics:Ingest:RateLimits";

    /// <summary>Calls a window from one address (many people behind one office NAT share it).</summary>
    public int CallsPerIp { get; set; } = 6000;

    /// <summary>Calls a window for one <c>sessionId</c>.</summary>
    public int CallsPerSession { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
