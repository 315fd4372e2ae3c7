using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Funnels;

namespace OpenMetrics.Tests.Core.Query.Funnels;

public sealed class FunnelWindowTests
{
    [Theory]
    [InlineData("P14D", 14 * 86400)]
    [InlineData("PT1H", 3600)]
    [InlineData("P1DT12H", 129600)]
    [InlineData("P2W", 14 * 86400)]
    [InlineData("PT90M", 5400)]
    [InlineData("PT47H59M59S", (47 * 3600) + (59 * 60) + 59)]
    public void Reads_weeks_days_hours_minutes_and_seconds(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), FunnelWindow.Parse(text, 92, "window"));
    }

    [Theory]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("14d")]
    [InlineData("PT0S")]
    [InlineData("P93D")]
    [InlineData("-P1D")]
    public void Refuses_calendar_units_empty_zero_and_too_long_windows(string text)
    {
        var error = Assert.Throws<QueryException>(() => FunnelWindow.Parse(text, 92, "window"));

        Assert.Equal("window", error.Field);
    }
}
