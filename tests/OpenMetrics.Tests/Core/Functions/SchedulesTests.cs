using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Tests.Core.Functions;

public sealed class SchedulesTests
{
    [Fact]
    public void A_constant_schedule_is_itself()
    {
        Assert.Equal(Schedules.Compaction, Schedules.Resolve(Schedules.Compaction, _ => "ignored"));
    }

    [Fact]
    public void A_setting_schedule_reads_the_setting()
    {
        Assert.Equal("*/5 * * * * *", Schedules.Resolve(Schedules.SnapshotRecent, name => name == Schedules.SnapshotRecentSetting ? "*/5 * * * * *" : null));
    }

    /// <summary>
    /// The Functions runtime resolves a schedule written <c>%NAME%</c> to the app setting NAME (an environment variable
    /// of the app); the local host reads the same NAME from its configuration, environment variables included.
    /// </summary>
    [Theory]
    [InlineData(Schedules.SnapshotRecent, "%OPENMETRICS_SNAPSHOT_RECENT_SCHEDULE%", "OPENMETRICS_SNAPSHOT_RECENT_SCHEDULE")]
    [InlineData(Schedules.SnapshotFull, "%OPENMETRICS_SNAPSHOT_FULL_SCHEDULE%", "OPENMETRICS_SNAPSHOT_FULL_SCHEDULE")]
    [InlineData(Schedules.DataRetention, "%OPENMETRICS_RETENTION_SCHEDULE%", "OPENMETRICS_RETENTION_SCHEDULE")]
    [InlineData(Schedules.Alerts, "%OPENMETRICS_ALERTS_SCHEDULE%", "OPENMETRICS_ALERTS_SCHEDULE")]
    public void A_setting_schedule_is_the_app_setting_name_between_percent_signs(string schedule, string written, string setting)
    {
        var asked = new List<string>();

        var resolved = Schedules.Resolve(schedule, name =>
        {
            asked.Add(name);
            return "0 0 1 * * *";
        });

        Assert.Equal(written, schedule);
        Assert.Equal([setting], asked);
        Assert.Equal("0 0 1 * * *", resolved);
    }

    [Fact]
    public void An_unset_setting_falls_back_to_its_default_which_is_a_valid_schedule()
    {
        var recent = CronSchedule.Parse(Schedules.Resolve(Schedules.SnapshotRecent, _ => null));
        var full = CronSchedule.Parse(Schedules.Resolve(Schedules.SnapshotFull, _ => ""));
        var start = new DateTimeOffset(2026, 11, 30, 10, 7, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 15, 0, TimeSpan.Zero), recent.Next(start));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero), full.Next(start));
    }

    [Fact]
    public void Every_timer_of_the_catalog_resolves_to_a_schedule()
    {
        Assert.All(FunctionCatalog.Timers, timer => CronSchedule.Parse(Schedules.Resolve(timer.Schedule, _ => null)));
    }
}
