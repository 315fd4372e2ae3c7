using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A local host of its own, with its queue poller running as the aggregate app would, so that messages sent to the
/// ingest queue are processed. A failed message comes back after one second instead of the catalog's ten, so that a
/// message goes through all its tries within a test.
/// </summary>
public sealed class QueueHostFixture : LocalHostFixture
{
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(1);

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = true;
        options.RunTimers = false;
        options.VisibilityTimeoutOverride = VisibilityTimeout;
    }
}
