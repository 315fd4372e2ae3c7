using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>docs/semantics.md, "Time": days, weeks and months begin where the zone's clock says; DST never duplicates or drops a day.</summary>
public sealed class LocalBucketsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Fact]
    public void A_spring_forward_day_is_23_hours_and_its_hours_skip_two_oclock()
    {
        // Berlin, 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        var from = ZonedTime.Start(new DateTime(2026, 3, 28), Berlin);
        var to = ZonedTime.Start(new DateTime(2026, 3, 31), Berlin);
        var days = LocalBuckets.Of(from, to, TrendInterval.Day, Berlin);

        Assert.Equal(["2026-03-28T00:00:00+01:00", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"], days.Select(d => d.Start.ToString("yyyy-MM-ddTHH:mm:sszzz")));
        Assert.Equal([24.0, 23, 24], days.Select(d => (d.To - d.From).TotalHours));

        var hours = LocalBuckets.Of(ZonedTime.Start(new DateTime(2026, 3, 29), Berlin), ZonedTime.Start(new DateTime(2026, 3, 29, 4, 0, 0), Berlin), TrendInterval.Hour, Berlin);
        Assert.Equal(["00:00+01:00", "01:00+01:00", "03:00+02:00"], hours.Select(h => h.Start.ToString("HH:mmzzz")));
    }

    [Fact]
    public void A_fall_back_day_is_25_hours_and_repeats_one_oclock()
    {
        var day = LocalBuckets.Of(ZonedTime.Start(new DateTime(2026, 11, 1), NewYork), ZonedTime.Start(new DateTime(2026, 11, 2), NewYork), TrendInterval.Day, NewYork);
        Assert.Equal(25, (Assert.Single(day).To - day[0].From).TotalHours);

        var hours = LocalBuckets.Of(ZonedTime.Start(new DateTime(2026, 11, 1), NewYork), ZonedTime.Start(new DateTime(2026, 11, 1, 3, 0, 0), NewYork), TrendInterval.Hour, NewYork);
        Assert.Equal(["00:00-04:00", "01:00-04:00", "01:00-05:00", "02:00-05:00"], hours.Select(h => h.Start.ToString("HH:mmzzz")));
    }

    [Fact]
    public void Half_hour_zones_start_hours_and_days_at_half_past_utc()
    {
        var days = LocalBuckets.Of(ZonedTime.Start(new DateTime(2026, 11, 1), Kolkata), ZonedTime.Start(new DateTime(2026, 11, 3), Kolkata), TrendInterval.Day, Kolkata);

        Assert.Equal([new DateTimeOffset(2026, 10, 31, 18, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 18, 30, 0, TimeSpan.Zero)], days.Select(d => d.From));
    }

    [Fact]
    public void Weeks_start_on_monday_and_a_range_inside_a_week_is_cut_to_it()
    {
        // 2026-11-04 is a Wednesday: its bucket is labelled Monday 11-02, and counts from the Wednesday on.
        var from = new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero);
        var weeks = LocalBuckets.Of(from, from.AddDays(10), TrendInterval.Week, TimeZoneInfo.Utc);

        Assert.Equal([new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero)], weeks.Select(w => w.Start));
        Assert.Equal(from, weeks[0].From);
        Assert.Equal(from.AddDays(10), weeks[1].To);
    }

    [Fact]
    public void Months_follow_the_calendar_in_the_zone()
    {
        var months = LocalBuckets.Of(ZonedTime.Start(new DateTime(2026, 1, 1), NewYork), ZonedTime.Start(new DateTime(2026, 4, 1), NewYork), TrendInterval.Month, NewYork);

        Assert.Equal(["2026-01-01T00:00:00-05:00", "2026-02-01T00:00:00-05:00", "2026-03-01T00:00:00-05:00"], months.Select(m => m.Start.ToString("yyyy-MM-ddTHH:mm:sszzz")));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 4, 0, 0, TimeSpan.Zero), months[2].To);
    }
}
