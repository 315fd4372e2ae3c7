namespace OpenMetrics.Storage.Alerts;

/// <summary>
/// How webhook deliveries are retried (section <c>OpenMetrics:Alerts</c>, docs/configuration.md). The addresses a
/// webhook may reach are the HTTP sources' (<c>OpenMetrics:Sources:AllowPrivateNetworks</c>, loopback on the local host only).
/// </summary>
public sealed class AlertDeliveryOptions
{
    public const string Section = "OpenMetrics:Alerts";

    /// <summary>Tries after the first, on 408, 429, 5xx, timeouts and connection failures.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each later one doubles it (2 s, 4 s, 8 s). A 429's Retry-After is waited instead when longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one try may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
