using OpenMetrics.Core.Functions;

namespace OpenMetrics.Tests.Core.Functions;

/// <summary>
/// Next occurrences worked out by hand on a calendar (1 January 2025 was a Wednesday), for the schedules the timer
/// trigger reads with NCrontab: what the local host computes is what Azure fires on.
/// </summary>
public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 */1 * * * *", "2025-01-01T10:15:30Z", "2025-01-01T10:16:00Z")]
    [InlineData("0 */1 * * * *", "2025-01-01T10:16:00Z", "2025-01-01T10:17:00Z")]
    [InlineData("0 */1 * * * *", "2025-01-01T23:59:59.9Z", "2025-01-02T00:00:00Z")]
    [InlineData("*/15 * * * * *", "2025-01-01T10:00:07.5Z", "2025-01-01T10:00:15Z")]
    [InlineData("0 5,35 * * * *", "2025-01-01T10:36:00Z", "2025-01-01T11:05:00Z")]
    [InlineData("0 0 */6 * * *", "2025-01-01T13:00:00Z", "2025-01-01T18:00:00Z")]
    [InlineData("0 30 9 * * 1", "2025-01-01T12:00:00Z", "2025-01-06T09:30:00Z")]
    [InlineData("0 0 0 * * *", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z")]
    [InlineData("0 0 0 1 1 *", "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("0 0 12 29 2 *", "2025-03-01T00:00:00Z", "2028-02-29T12:00:00Z")]
    [InlineData("0 0 8-10 * * *", "2025-01-01T10:00:01Z", "2025-01-02T08:00:00Z")]
    // Names of days and months, as NCrontab reads them: the Monday after Wednesday 1 January is the 6th.
    [InlineData("0 0 0 * * MON", "2025-01-01T00:00:00Z", "2025-01-06T00:00:00Z")]
    [InlineData("0 0 0 1 MAR *", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z")]
    // Both day fields restricted: NCrontab wants both to match. The 1sts of 2025 fall on Wed, Sat, Sat, Tue, Thu,
    // Sun, Tue, Fri and then Mon 1 September.
    [InlineData("0 0 0 1 * 1", "2025-01-01T00:00:00Z", "2025-09-01T00:00:00Z")]
    // What NCrontab makes of two odd forms, which Azure then fires on: a step of 0 is a step of 1 (every minute), and
    // a range written backwards is the same range forwards (minutes 5 to 10 of every hour).
    [InlineData("0 */0 * * * *", "2025-01-01T10:00:00Z", "2025-01-01T10:01:00Z")]
    [InlineData("0 10-5 * * * *", "2025-01-01T10:00:00Z", "2025-01-01T10:05:00Z")]
    [InlineData("0 10-5 * * * *", "2025-01-01T10:10:00Z", "2025-01-01T11:05:00Z")]
    public void Next_is_the_first_matching_second_strictly_after_the_given_time(string schedule, string after, string expected)
    {
        var next = CronSchedule.Parse(schedule).Next(DateTimeOffset.Parse(after));

        Assert.Equal(DateTimeOffset.Parse(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void A_time_with_an_offset_is_read_as_the_same_instant_in_UTC()
    {
        var next = CronSchedule.Parse("0 0 * * * *").Next(DateTimeOffset.Parse("2025-01-01T11:15:00+01:00"));

        Assert.Equal(DateTimeOffset.Parse("2025-01-01T11:00:00Z"), next);
    }

    [Fact]
    public void The_compaction_schedule_fires_once_a_minute_on_the_minute()
    {
        var schedule = CronSchedule.Parse(Schedules.Compaction);
        var first = schedule.Next(DateTimeOffset.Parse("2025-01-01T10:00:00Z"));
        var second = schedule.Next(first);

        Assert.Equal(DateTimeOffset.Parse("2025-01-01T10:01:00Z"), first);
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T10:02:00Z"), second);
    }

    [Theory]
    [InlineData("0 */1 * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 0 0 * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("")]
    [InlineData("every minute")]
    public void Schedules_that_are_not_six_field_ncrontab_are_refused(string schedule)
    {
        Assert.Throws<FormatException>(() => CronSchedule.Parse(schedule));
    }

    [Fact]
    public void A_schedule_that_never_matches_says_so_instead_of_searching_forever()
    {
        var schedule = CronSchedule.Parse("0 0 0 31 2 *");

        Assert.Throws<InvalidOperationException>(() => schedule.Next(DateTimeOffset.Parse("2025-01-01T00:00:00Z")));
    }
}
