using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Query;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Metrics;

/// <summary>
/// <c>POST /api/query/metrics</c> over hand-made points in memory (no Azurite): each aggregation by UTC day and by
/// Kolkata day (+05:30, so its days begin at 18:30 UTC). The end-to-end cases are in <see cref="MetricsApiTests"/>.
/// </summary>
public sealed class MetricsQueryInMemoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Pro = new() { ["plan"] = "pro" };
    private static readonly Dictionary<string, string> Free = new() { ["plan"] = "free" };

    /// <summary>
    /// UTC days: Nov 10 holds 10, 4 (both 06:00Z) and 6 (20:00Z); Nov 11 holds 2 (01:00Z) and 8 (23:30Z); the 100s at
    /// Nov 9 23:59Z and Nov 12 00:00Z are outside [Nov 10, Nov 12).
    /// Kolkata days: Nov 10 local is [Nov 9 18:30Z, Nov 10 18:30Z) and holds 100 (05:29 local), 10 and 4; Nov 11 local
    /// is [Nov 10 18:30Z, Nov 11 18:30Z) and holds 6 and 2; 8 (Nov 12 05:00 local) and the last 100 are outside.
    /// </summary>
    private static InMemoryQueryStores Stores()
    {
        var stores = new InMemoryQueryStores(Now);
        stores.Metrics.WriteAsync(
        [
            new("revenue", new Dictionary<string, string>(), At("2026-11-09T23:59:00Z"), 100),
            new("revenue", Pro, At("2026-11-10T06:00:00Z"), 10),
            new("revenue", Free, At("2026-11-10T06:00:00Z"), 4),
            new("revenue", Pro, At("2026-11-10T20:00:00Z"), 6),
            new("revenue", Pro, At("2026-11-11T01:00:00Z"), 2),
            new("revenue", Free, At("2026-11-11T23:30:00Z"), 8),
            new("revenue", new Dictionary<string, string>(), At("2026-11-12T00:00:00Z"), 100),
            new("seats", Pro, At("2026-11-10T06:00:00Z"), 999),
        ], CancellationToken.None).GetAwaiter().GetResult();
        return stores;
    }

    [Theory]
    // UTC. Nov 10: 10 + 4 + 6 = 20; Nov 11: 2 + 8 = 10; total 30.
    [InlineData("sum", "UTC", 20, 10, 30)]
    // Nov 10: 20 / 3 points; Nov 11: 10 / 2 = 5; total 30 / 5 = 6.
    [InlineData("avg", "UTC", 20.0 / 3, 5, 6)]
    [InlineData("min", "UTC", 4, 2, 2)]
    [InlineData("max", "UTC", 10, 8, 10)]
    // Nov 10's latest point is 6 at 20:00Z; Nov 11's is 8 at 23:30Z; the range's latest is that 8.
    [InlineData("last", "UTC", 6, 8, 8)]
    // Kolkata. Nov 10: 100 + 10 + 4 = 114; Nov 11: 6 + 2 = 8; total 122.
    [InlineData("sum", "Asia/Kolkata", 114, 8, 122)]
    // Nov 10: 114 / 3 = 38; Nov 11: 8 / 2 = 4; total 122 / 5 = 24.4.
    [InlineData("avg", "Asia/Kolkata", 38, 4, 24.4)]
    [InlineData("min", "Asia/Kolkata", 4, 2, 2)]
    [InlineData("max", "Asia/Kolkata", 100, 6, 100)]
    // Nov 10's latest time is 06:00Z, with pro 10 and free 4 then: 14. Nov 11's latest is 2 at 01:00Z, the range's too.
    [InlineData("last", "Asia/Kolkata", 14, 2, 2)]
    public async Task Each_aggregation_by_day_in_the_zone(string agg, string tz, double nov10, double nov11, double total)
    {
        var answer = await Stores().MetricsAsync($$"""
            {"metric":"revenue","agg":"{{agg}}","interval":"day","from":"2026-11-10","to":"2026-11-12","tz":"{{tz}}"}
            """);

        var line = Assert.Single(answer.Series);
        Assert.Equal([nov10, nov11], line.Points.Select(p => p.V!.Value), new Tolerance());
        Assert.Equal(total, line.Total!.Value, 9);
        Assert.Equal(agg, line.Measure);
        Assert.Equal("revenue", line.Metric);
        Assert.Equal("A", line.Letter);
        Assert.Null(line.Event);
        Assert.Equal("metricPoints", answer.Meta.Source);
        Assert.Equal(tz, answer.Meta.Tz);
    }

    [Fact]
    public async Task Buckets_are_labelled_with_their_start_in_the_zone()
    {
        var answer = await Stores().MetricsAsync("""
            {"metric":"revenue","interval":"day","from":"2026-11-10","to":"2026-11-12","tz":"Asia/Kolkata"}
            """);

        Assert.Equal([At("2026-11-10T00:00:00+05:30"), At("2026-11-11T00:00:00+05:30")], answer.Series[0].Points.Select(p => p.T));
        Assert.Equal(TimeSpan.FromMinutes(330), answer.Series[0].Points[0].T.Offset);
    }

    [Fact]
    public async Task Dims_keep_the_points_with_every_value_asked_for_and_empty_buckets_are_zero()
    {
        var answer = await Stores().MetricsAsync("""
            {"metric":"revenue","agg":"sum","dims":{"plan":"pro"},"interval":"day","from":"2026-11-10","to":"2026-11-13"}
            """);

        // plan=pro: Nov 10 10 + 6 = 16, Nov 11 2, Nov 12 nothing (its 100 has no plan): 0; total 18.
        Assert.Equal([16.0, 2.0, 0.0], answer.Series[0].Points.Select(p => p.V!.Value));
        Assert.Equal(18.0, answer.Series[0].Total);
    }

    [Fact]
    public async Task A_range_in_hours_cuts_the_day_on_the_hours()
    {
        var answer = await Stores().MetricsAsync("""
            {"metric":"revenue","agg":"max","interval":"hour","from":"2026-11-10T05:00:00Z","to":"2026-11-10T08:00:00Z"}
            """);

        // 05:00 nothing, 06:00 max(10, 4) = 10, 07:00 nothing.
        Assert.Equal([0.0, 10.0, 0.0], answer.Series[0].Points.Select(p => p.V!.Value));
        Assert.Equal(10.0, answer.Series[0].Total);
    }

    [Theory]
    [InlineData("""{"agg":"sum","from":"2026-11-10","to":"2026-11-12"}""", "metric")]
    [InlineData("""{"metric":"revenue","agg":"median","from":"2026-11-10","to":"2026-11-12"}""", "agg")]
    [InlineData("""{"metric":"revenue","dims":{"plan":3},"from":"2026-11-10","to":"2026-11-12"}""", "dims.plan")]
    [InlineData("""{"metric":"revenue","dims":["pro"],"from":"2026-11-10","to":"2026-11-12"}""", "dims")]
    [InlineData("""{"metric":"revenue","from":"2026-11-10","to":"2026-11-12","tz":"Mars/Olympus"}""", "tz")]
    [InlineData("""{"metric":"revenue","from":"2026-11-12","to":"2026-11-10"}""", "from")]
    [InlineData("""{"metric":"revenue","interval":"minute","from":"2026-11-01","to":"2026-11-12"}""", "interval")]
    [InlineData("""{"metric":"revenue","from":"2026-11-10","to":"2026-11-12","segment":"s1"}""", "segment")]
    [InlineData("""{"metric":"a|b","from":"2026-11-10","to":"2026-11-12"}""", "metric")]
    public async Task A_bad_query_is_a_400_naming_its_field(string json, string field)
    {
        var refused = await Assert.ThrowsAsync<QueryException>(() => Stores().MetricsAsync(json));

        Assert.Equal(field, refused.Field);
        Assert.Equal(400, refused.Status);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
