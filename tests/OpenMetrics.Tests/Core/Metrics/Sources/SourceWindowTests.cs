using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>The window a run pulls: backfill first, then from one overlap before the newest point.</summary>
public sealed class SourceWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 7, 0, TimeSpan.Zero);

    private static readonly MetricSource Hourly = new(
        "r", SourceKind.AzureMonitor, "r", SourceFields.DefaultSchedule, 30, Now,
        AzureMonitor: new AzureMonitorPull("/subscriptions/1/providers/x/y", "Requests", "Total", "PT1H", TimeSpan.FromHours(1), null));

    [Fact]
    public void The_first_run_reaches_back_backfill_days()
    {
        var window = SourceWindow.For(Hourly, SourceState.New, Now);

        // 30 days before 2026-11-20 12:07 is 2026-10-21 12:07.
        Assert.Equal(new DateTimeOffset(2026, 10, 21, 12, 7, 0, TimeSpan.Zero), window.From);
        Assert.Equal(Now, window.To);
    }

    [Fact]
    public void A_later_run_starts_one_interval_before_the_newest_point()
    {
        var state = SourceState.New with { LastPointAt = new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.Zero) };

        var window = SourceWindow.For(Hourly, state, Now);

        // 11:00 less the PT1H interval: 10:00, so the 11:00 bucket, still filling at the last run, is pulled again.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), window.From);
    }

    [Fact]
    public void Zero_backfill_days_still_pulls_the_latest_interval()
    {
        var window = SourceWindow.For(Hourly with { BackfillDays = 0 }, SourceState.New, Now);

        // One PT1H interval before 12:07: 11:07.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 11, 7, 0, TimeSpan.Zero), window.From);
    }
}
