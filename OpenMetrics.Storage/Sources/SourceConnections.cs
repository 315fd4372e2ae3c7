namespace OpenMetrics.Storage.Sources;

/// <summary>
/// Where and how the source clients connect (section <c>OpenMetrics:Sources</c>, docs/configuration.md). The base URLs
/// are settings so that tests (and a sovereign cloud) point them elsewhere; the token scopes stay Azure's.
/// </summary>
public sealed class SourceConnections
{
    public const string Section = "OpenMetrics:Sources";

    public Uri AzureMonitorUrl { get; set; } = new("https://management.azure.com");

    public Uri LogAnalyticsUrl { get; set; } = new("https://api.loganalytics.azure.com");

    /// <summary>The token audience of Azure Resource Manager, which the metrics API is part of.</summary>
    public string AzureMonitorScope { get; set; } = "https://management.azure.com/.default";

    /// <summary>The Log Analytics API's audience is still its old name, api.loganalytics.io.</summary>
    public string LogAnalyticsScope { get; set; } = "https://api.loganalytics.io/.default";

    /// <summary>Tries after the first, on 408, 429, 500, 502, 503, 504 and connection failures (Azure.Core's retry).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones double. A 429's Retry-After is waited instead when longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries; a server asking (Retry-After) for longer is not retried until the next run.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one try may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Whether HTTP sources may fetch private network addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Whether HTTP sources may fetch loopback addresses: on for the local host only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>The largest answer an HTTP source may give.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
}
