namespace OpenMetrics.Client;

/// <summary>Settings of <see cref="OpenMetricsClient"/>. Only <see cref="ServerUrl"/> has no default.</summary>
public sealed class OpenMetricsClientOptions
{
    /// <summary>The ingest app's address, such as <c>https://func-ingest-abc.azurewebsites.net</c> (or <c>http://localhost:7071</c>).</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>
    /// The project's write key, sent with every call as the header <c>x-openmetrics-write-key</c>; null sends none (the
    /// server then must not require one).
    /// </summary>
    public string? WriteKey { get; set; }

    /// <summary>How long queued calls wait for company before they are sent; one second by default.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>This many queued calls are sent without waiting for <see cref="FlushInterval"/>; 100 by default.</summary>
    public int FlushAt { get; set; } = 100;

    /// <summary>Events in one request; 500 by default (the server takes up to 2,000).</summary>
    public int MaxEventsPerCall { get; set; } = 500;

    /// <summary>
    /// Calls kept while the server cannot be reached; past it the oldest events are dropped first (and logged), so a
    /// long outage cannot exhaust memory. 10,000 by default.
    /// </summary>
    public int MaxQueueSize { get; set; } = 10_000;

    /// <summary>The longest wait between two tries of a call that failed; one minute by default.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one request may take before it counts as failed (and is tried again); 30 seconds by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposing the client waits for queued calls to be sent; ten seconds by default.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
