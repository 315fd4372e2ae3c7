using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

/// <summary>An imported metric as a custom metric: its points aggregated as the metrics query does, with dims narrowing them.</summary>
public sealed class ImportedMetricValuesTests
{
    private static readonly DateTimeOffset Nov10 = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_pro_revenue_metric_sums_the_pro_points_of_each_day()
    {
        var stores = new InMemoryQueryStores(Nov10.AddDays(10));
        await stores.Metrics.WriteAsync(
        [
            Point("pro", Nov10.AddHours(9), 30),
            Point("free", Nov10.AddHours(15), 15),
            Point("pro", Nov10.AddDays(1).AddHours(9), 20),
            Point("pro", Nov10.AddDays(1).AddHours(10), 5),
            Point("pro", Nov10.AddDays(-1).AddHours(12), 40), // November 9: the previous period of a 2-day range starts November 8
        ], CancellationToken.None);

        var value = await stores.MetricValueAsync(
            """{"title":"Pro revenue","unit":"currency:EUR","definition":{"kind":"metric","query":{"metric":"revenue","agg":"sum","dims":{"plan":"pro"}}}}""",
            Nov10, Nov10.AddDays(2), TrendInterval.Day);

        // November 10: 30 (the free 15 is left out); November 11: 20 + 5 = 25; in all 55. Before (November 8 and 9): 40.
        // 55 against 40 is +37.5 %.
        Assert.Equal(new double?[] { 30, 25 }, value.Series.Select(point => point.V));
        Assert.Equal(55, value.Value);
        Assert.Equal(40, value.Previous);
        Assert.Equal(37.5, value.ChangePct!.Value, 9);
        Assert.Equal("metricPoints", value.Meta.Source);
    }

    private static MetricPoint Point(string plan, DateTimeOffset t, double v) => new("revenue", new Dictionary<string, string> { ["plan"] = plan }, t, v);
}
