using OpenMetrics.Core.Query.CustomMetrics;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

public sealed class MetricPeriodsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void The_previous_week_across_a_dst_change_is_seven_days_on_the_wall_clock()
    {
        // March 25 to April 1, 2025 in Berlin: clocks go forward on March 30, so the range is 7 days less an hour
        // (from March 24 23:00Z to March 31 22:00Z). The week before is March 18 to 25 local, all in CET (+01:00):
        // March 17 23:00Z to March 24 23:00Z, 7 whole days; shifting by the range's 167 hours would start at 00:00Z.
        var current = new MetricWindow(
            new DateTimeOffset(2025, 3, 24, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), Berlin);

        var previous = MetricPeriods.Previous(current, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 3, 17, 23, 0, 0, TimeSpan.Zero), previous.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 24, 23, 0, 0, TimeSpan.Zero), previous.To);
    }

    [Fact]
    public void A_range_in_progress_is_compared_over_the_whole_hours_that_have_passed()
    {
        // 30 days from November 3 to December 3 (UTC); at December 2, 12:34:56, 29 days 12 hours have fully passed.
        // The previous period starts 30 days earlier, October 4, and is cut 29 days 12 hours later: November 2, 12:00.
        var current = new MetricWindow(
            new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        var previous = MetricPeriods.Previous(current, new DateTimeOffset(2026, 12, 2, 12, 34, 56, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 4, 0, 0, 0, TimeSpan.Zero), previous.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), previous.To);
    }

    [Theory]
    [InlineData(6.0, 5.0, 20.0)]
    [InlineData(2.0, 4.0, -50.0)]
    [InlineData(-1.0, -2.0, 50.0)] // from -2 to -1 is up by half of 2
    public void The_change_is_a_percentage_of_the_previous_value(double value, double previous, double expected) =>
        Assert.Equal(expected, MetricPeriods.ChangePct(value, previous)!.Value, 9);

    [Fact]
    public void There_is_no_change_from_zero_or_from_nothing()
    {
        Assert.Null(MetricPeriods.ChangePct(3, 0));
        Assert.Null(MetricPeriods.ChangePct(3, null));
        Assert.Null(MetricPeriods.ChangePct(null, 3));
    }
}
