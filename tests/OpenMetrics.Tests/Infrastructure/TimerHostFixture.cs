using OpenMetrics.Core.Functions;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A local host with its timers on and a clock of its own (<see cref="Clock"/>), the frequent snapshot timer set to
/// every 2 seconds through the same setting an operator would use, for tests of what the timers produce. The clock
/// starts 10 seconds into the current minute and moves only when a test moves it: the snapshot timer's next
/// occurrence is then exactly 2 seconds ahead, the compaction's 50. Its queue poller is off: a test processes the
/// ingest queue itself.
/// </summary>
public sealed class TimerHostFixture : LocalHostFixture
{
    public static readonly TimeSpan SnapshotPeriod = TimeSpan.FromSeconds(2);

    public TimerClock Clock { get; } = new(StartOfMinute(DateTimeOffset.UtcNow).AddSeconds(10));

    protected override string[] Arguments => [$"--{Schedules.SnapshotRecentSetting}=*/2 * * * * *"];

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = false;
        options.RunTimers = true;
        options.Clock = Clock;
    }

    private static DateTimeOffset StartOfMinute(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
