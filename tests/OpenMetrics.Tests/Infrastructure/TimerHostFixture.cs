using OpenMetrics.Core.Functions;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A local host with its queue poller and its timers on, the frequent snapshot timer set to every 2 seconds through
/// the same setting an operator would use, for tests of what the timers produce.
/// </summary>
public sealed class TimerHostFixture : LocalHostFixture
{
    protected override string[] Arguments => [$"--{Schedules.SnapshotRecentSetting}=*/2 * * * * *"];

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = true;
        options.RunTimers = true;
        options.VisibilityTimeoutOverride = TimeSpan.FromSeconds(1);
    }
}
