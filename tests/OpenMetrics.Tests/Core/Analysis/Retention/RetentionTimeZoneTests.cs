using OpenMetrics.Core.Analysis.Retention;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Retention;

/// <summary>
/// Calendar periods in zones with DST changes and a half-hour offset. New York falls back on Sunday 1 November 2026
/// (02:00 EDT becomes 01:00 EST: a 25-hour day); Berlin springs forward on Sunday 29 March 2026 (02:00 CET becomes
/// 03:00 CEST: a 23-hour day); Kolkata is UTC+05:30 all year.
/// </summary>
public sealed class RetentionTimeZoneTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Fact]
    public void New_York_fall_back_day_is_one_cohort_of_25_hours()
    {
        var definition = new RetentionDefinition(At("2026-10-31T00:00:00-04:00"), At("2026-11-03T00:00:00-05:00")) { Periods = 2, TimeZone = Zone("America/New_York") };

        var result = new RetentionCase(definition)
            // 23:30 EDT on 31 Oct is 03:30 UTC on 1 Nov; back at 00:30 EDT on 1 Nov.
            .Active("october", "2026-10-31T23:30:00-04:00", "2026-11-01T00:30:00-04:00")
            // 23:30 EST on 1 Nov is 04:30 UTC on 2 Nov, still the 1st in New York; back at 00:30 EST on the 2nd.
            .Active("late", "2026-11-01T23:30:00-05:00", "2026-11-02T00:30:00-05:00")
            // The second 01:30 of the repeated hour, then the end of the same long day: no return in period 1.
            .Active("repeated-hour", "2026-11-01T01:30:00-05:00", "2026-11-01T23:59:00-05:00")
            .Result();

        Assert.Equal(
            [At("2026-10-31T00:00:00-04:00"), At("2026-11-01T00:00:00-04:00"), At("2026-11-02T00:00:00-05:00")],
            result.Cohorts.Select(c => c.Start));
        Assert.Equal([TimeSpan.FromHours(-4), TimeSpan.FromHours(-4), TimeSpan.FromHours(-5)], result.Cohorts.Select(c => c.Start.Offset));
        Assert.Equal([1, 1], result.Cohorts[0].Values);
        Assert.Equal([2, 1], result.Cohorts[1].Values);
        Assert.Equal([0, 0], result.Cohorts[2].Values);
    }

    [Fact]
    public void Berlin_spring_forward_day_is_one_cohort_of_23_hours()
    {
        var definition = new RetentionDefinition(At("2026-03-28T00:00:00+01:00"), At("2026-03-31T00:00:00+02:00")) { Periods = 2, TimeZone = Zone("Europe/Berlin") };

        var result = new RetentionCase(definition)
            // 23:30 CEST on the 29th is 21:30 UTC; 00:15 CEST on the 30th is 22:15 UTC on the 29th.
            .Active("late", "2026-03-29T23:30:00+02:00", "2026-03-30T00:15:00+02:00")
            // 03:00 CEST, the first instant after the skipped hour.
            .Active("after-gap", "2026-03-29T03:00:00+02:00")
            .Result();

        Assert.Equal(
            [At("2026-03-28T00:00:00+01:00"), At("2026-03-29T00:00:00+01:00"), At("2026-03-30T00:00:00+02:00")],
            result.Cohorts.Select(c => c.Start));
        Assert.Equal([0, 0], result.Cohorts[0].Values);
        Assert.Equal([2, 1], result.Cohorts[1].Values);
        Assert.Equal([0, 0], result.Cohorts[2].Values);
    }

    [Fact]
    public void Kolkata_days_start_at_half_past_six_UTC()
    {
        var definition = new RetentionDefinition(At("2026-11-02T00:00:00+05:30"), At("2026-11-04T00:00:00+05:30")) { Periods = 2, TimeZone = Zone("Asia/Kolkata") };

        var result = new RetentionCase(definition)
            .Active("midnight", "2026-11-02T18:29:59Z", "2026-11-02T18:30:00Z")
            .Result();

        Assert.Equal([At("2026-11-01T18:30:00Z"), At("2026-11-02T18:30:00Z")], result.Cohorts.Select(c => c.Start));
        Assert.Equal(TimeSpan.FromMinutes(330), result.Cohorts[0].Start.Offset);
        Assert.Equal([1, 1], result.Cohorts[0].Values);
    }

    [Theory]
    [InlineData("America/New_York", "2026-10-31T12:00:00Z", RetentionPeriod.Day, new[] { 24.0, 25.0, 24.0 })]
    [InlineData("Europe/Berlin", "2026-03-28T12:00:00Z", RetentionPeriod.Day, new[] { 24.0, 23.0, 24.0 })]
    [InlineData("Europe/Berlin", "2026-03-25T12:00:00Z", RetentionPeriod.Week, new[] { 167.0, 168.0, 168.0 })]
    // October: 31 days of 24 h; November: 30 days and the repeated hour of the 1st; December: 31 days.
    [InlineData("America/New_York", "2026-10-15T12:00:00Z", RetentionPeriod.Month, new[] { 744.0, 721.0, 744.0 })]
    [InlineData("Asia/Kolkata", "2026-03-28T12:00:00Z", RetentionPeriod.Day, new[] { 24.0, 24.0, 24.0 })]
    public void Periods_follow_the_wall_clock_with_no_day_doubled_or_lost(string zone, string from, RetentionPeriod period, double[] hours)
    {
        // One cohort, then two more periods: three consecutive periods from the one holding 'from'.
        var calendar = new PeriodCalendar(At(from), At(from).AddTicks(1), 2, period, Zone(zone));

        Assert.Equal(3, calendar.Count);
        Assert.Equal(hours, Enumerable.Range(0, 3).Select(i => (calendar.Labels[i + 1] - calendar.Labels[i]).TotalHours));
        Assert.All(calendar.Labels, label => Assert.Equal(TimeSpan.Zero, label.TimeOfDay));
    }
}
