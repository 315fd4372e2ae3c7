using OpenMetrics.Core.Query;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Metrics;

/// <summary>A trend whose series mix an imported metric and events, on one bucket grid, with a formula across them (in memory).</summary>
public sealed class MetricsInTrendsInMemoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Revenue_per_active_user_divides_the_metric_by_the_active_users_of_each_day()
    {
        var stores = new InMemoryQueryStores(Now);
        await stores.Metrics.WriteAsync(
        [
            new("revenue", new Dictionary<string, string> { ["plan"] = "pro" }, At("2026-11-10T09:00:00Z"), 30),
            new("revenue", new Dictionary<string, string> { ["plan"] = "free" }, At("2026-11-10T15:00:00Z"), 15),
            new("revenue", new Dictionary<string, string> { ["plan"] = "pro" }, At("2026-11-11T09:00:00Z"), 20),
        ], CancellationToken.None);
        stores.Users.Add("ann", "view", At("2026-11-10T08:00:00Z"));
        stores.Users.Add("bob", "view", At("2026-11-10T10:00:00Z"));
        stores.Users.Add("cat", "view", At("2026-11-10T11:00:00Z"));
        stores.Users.Add("ann", "view", At("2026-11-11T08:00:00Z"));
        stores.Users.Add("bob", "view", At("2026-11-11T09:30:00Z"));
        stores.Users.Add("dan", "view", At("2026-11-12T09:30:00Z"));

        var series = await stores.TrendsAsync("""
            {"series":[{"metric":"revenue","agg":"sum"},{"event":"*","measure":"active"}],"interval":"day","from":"2026-11-10","to":"2026-11-13"}
            """);
        var answer = await stores.TrendsAsync("""
            {"series":[{"metric":"revenue","agg":"sum"},{"event":"*","measure":"active"}],
             "formula":"A / B","interval":"day","from":"2026-11-10","to":"2026-11-13"}
            """);

        // A: Nov 10 30 + 15 = 45, Nov 11 20, Nov 12 0 (no point); total 65.
        // B: Nov 10 ann, bob, cat = 3; Nov 11 ann, bob = 2; Nov 12 dan = 1; total distinct ann, bob, cat, dan = 4.
        // A / B: 45 / 3 = 15, 20 / 2 = 10, 0 / 1 = 0; total 65 / 4 = 16.25.
        Assert.Equal(["A", "B"], series.Series.Select(l => l.Letter));
        Assert.Equal([45.0, 20.0, 0.0], series.Series[0].Points.Select(p => p.V));
        Assert.Equal("revenue", series.Series[0].Metric);
        Assert.Equal("sum", series.Series[0].Measure);
        Assert.Equal([3.0, 2.0, 1.0], series.Series[1].Points.Select(p => p.V));
        Assert.Equal(4.0, series.Series[1].Total);
        // A formula answers its own line alone, as in every trend.
        var formula = Assert.Single(answer.Series);
        Assert.Equal([15.0, 10.0, 0.0], formula.Points.Select(p => p.V));
        Assert.Equal(16.25, formula.Total);
        Assert.Equal("A / B", formula.Label);
        Assert.Equal("preaggregate+metricPoints", answer.Meta.Source);
    }

    [Fact]
    public async Task A_metric_after_an_event_keeps_its_letter_and_the_lines_their_order()
    {
        var stores = new InMemoryQueryStores(Now);
        await stores.Metrics.WriteAsync([new("mrr", new Dictionary<string, string>(), At("2026-11-10T00:00:00Z"), 500)], CancellationToken.None);
        stores.Preaggregates.Count("signup", At("2026-11-10T10:00:00Z"));
        stores.Preaggregates.Count("signup", At("2026-11-10T11:00:00Z"));

        var lines = await stores.TrendsAsync("""
            {"series":[{"event":"signup"},{"metric":"mrr","agg":"last","label":"MRR"}],"interval":"total","from":"2026-11-10","to":"2026-11-11"}
            """);
        var answer = await stores.TrendsAsync("""
            {"series":[{"event":"signup"},{"metric":"mrr","agg":"last","label":"MRR"}],"formula":"B / A","interval":"total","from":"2026-11-10","to":"2026-11-11"}
            """);

        // A = 2 signups, B = the last MRR, 500; B / A = 250.
        Assert.Equal(["signup", "MRR"], lines.Series.Select(l => l.Label));
        Assert.Equal(["A", "B"], lines.Series.Select(l => l.Letter));
        Assert.Equal([2.0, 500.0], lines.Series.Select(l => l.Total!.Value));
        Assert.Equal(250.0, Assert.Single(answer.Series).Total);
    }

    [Fact]
    public async Task Metric_series_alone_answer_from_the_points()
    {
        var stores = new InMemoryQueryStores(Now);
        await stores.Metrics.WriteAsync([new("revenue", new Dictionary<string, string>(), At("2026-11-10T00:00:00Z"), 7)], CancellationToken.None);

        var answer = await stores.TrendsAsync("""{"series":[{"metric":"revenue"}],"interval":"total","from":"2026-11-10","to":"2026-11-11"}""");

        Assert.Equal("metricPoints", answer.Meta.Source);
        Assert.Equal(7.0, Assert.Single(answer.Series).Total);
    }

    [Theory]
    [InlineData("""{"series":[{"metric":"revenue"}],"breakdown":{"prop":"plan"},"from":"2026-11-10","to":"2026-11-11"}""", "breakdown")]
    [InlineData("""{"series":[{"metric":"revenue"}],"segment":"paying","from":"2026-11-10","to":"2026-11-11"}""", "segment")]
    [InlineData("""{"series":[{"metric":"revenue","event":"buy"}],"from":"2026-11-10","to":"2026-11-11"}""", "series[0].event")]
    [InlineData("""{"series":[{"event":"buy"},{"metric":"revenue","agg":"p99"}],"from":"2026-11-10","to":"2026-11-11"}""", "series[1].agg")]
    [InlineData("""{"series":[{"metric":"revenue","filters":[]}],"from":"2026-11-10","to":"2026-11-11"}""", "series[0].filters")]
    [InlineData("""{"series":[{"metric":"revenue","dims":{"plan":1}}],"from":"2026-11-10","to":"2026-11-11"}""", "series[0].dims.plan")]
    [InlineData("""{"series":[{"metric":""}],"from":"2026-11-10","to":"2026-11-11"}""", "series[0].metric")]
    public async Task A_bad_metric_series_is_a_400_naming_its_field(string json, string field)
    {
        var refused = await Assert.ThrowsAsync<QueryException>(() => new InMemoryQueryStores(Now).TrendsAsync(json));

        Assert.Equal(field, refused.Field);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
