using System.Text.Json;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Tests.Core.Query;

public sealed class QueryRangeTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Fact]
    public void A_relative_range_is_the_last_days_of_the_zone_today_included()
    {
        // 20:00 UTC on 11-30 is already 12-01 01:30 in Kolkata: "7d" there is 11-25 to the end of 12-01, local midnights.
        var now = new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero);

        var (from, to) = QueryRange.Parse(Json("""{"range":"7d"}"""), Kolkata, now);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromMinutes(330)), from);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromMinutes(330)), to);
    }

    [Fact]
    public void Today_is_one_day()
    {
        var now = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

        var (from, to) = QueryRange.Parse(Json("""{"range":"today"}"""), TimeZoneInfo.Utc, now);

        Assert.Equal((new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), (from, to));
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("7")]
    [InlineData("-7d")]
    [InlineData("week")]
    [InlineData("3661d")]
    public void Other_ranges_are_refused(string range)
    {
        var error = Assert.Throws<QueryException>(() => QueryRange.Parse(Json($$"""{"range":"{{range}}"}"""), TimeZoneInfo.Utc, DateTimeOffset.UtcNow));

        Assert.Equal("range", error.Field);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
