using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

/// <summary>Trend metrics over in-memory pre-aggregates and events: the value, the previous period, the change, the series and what is still in progress.</summary>
public sealed class TrendMetricValuesTests
{
    private const string Signups = """{"title":"Signups","definition":{"kind":"trend","query":{"series":[{"event":"signup"}]}}}""";

    private static readonly DateTimeOffset June1 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_range_in_progress_is_compared_with_as_much_of_the_previous_period_as_has_passed()
    {
        // Now is June 10, 12:00 UTC; the range is June 1 to 11, so 9.5 of its 10 days have passed. The previous
        // period is the 10 days before, cut to 9.5 days as well: May 22 00:00 to May 31 12:00.
        var stores = new InMemoryQueryStores(June1.AddDays(9).AddHours(12));
        Log(stores, "signup", June1.AddHours(8), June1.AddHours(9));                      // June 1: 2
        Log(stores, "signup", June1.AddDays(4), June1.AddDays(4).AddHours(1), June1.AddDays(4).AddHours(2)); // June 5: 3
        Log(stores, "signup", June1.AddDays(9).AddHours(9));                               // June 10, before now: 1
        Log(stores, "signup", June1.AddDays(-10));                                         // May 22: in the previous period
        Log(stores, "signup", June1.AddDays(-2), June1.AddDays(-2), June1.AddDays(-2), June1.AddDays(-2)); // May 30: 4
        Log(stores, "signup", June1.AddDays(-1).AddHours(13));                             // May 31 13:00: past the cut

        var value = await stores.MetricValueAsync(Signups, June1, June1.AddDays(10), TrendInterval.Day);

        // 2 + 3 + 1 = 6 against 1 + 4 = 5: +20 %.
        Assert.Equal(6, value.Value);
        Assert.Equal(5, value.Previous);
        Assert.Equal(20, value.ChangePct!.Value, 9);
        Assert.Equal(new DateTimeOffset(2025, 5, 22, 0, 0, 0, TimeSpan.Zero), value.Meta.PreviousFrom);
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 12, 0, 0, TimeSpan.Zero), value.Meta.PreviousTo);
        Assert.True(value.Meta.Incomplete);
        Assert.Equal(new double?[] { 2, 0, 0, 0, 3, 0, 0, 0, 0, 1 }, value.Series.Select(point => point.V));

        // Only today's bucket (June 10, ending June 11) has not ended.
        Assert.Equal(Enumerable.Repeat(false, 9).Append(true), value.Series.Select(point => point.Incomplete));
    }

    [Fact]
    public async Task A_closed_range_is_compared_with_the_whole_period_before_it()
    {
        // June 1 to 8 has ended (now is June 10); the previous period is May 25 to June 1.
        var stores = new InMemoryQueryStores(June1.AddDays(9));
        Log(stores, "signup", June1.AddDays(2), June1.AddDays(6));  // 2 in the range
        Log(stores, "signup", June1.AddDays(-7), June1.AddDays(-1).AddHours(23), June1.AddDays(-1).AddHours(23), June1.AddDays(-1).AddHours(23)); // 4 before
        Log(stores, "signup", June1.AddDays(-8));                    // May 24: outside both

        var value = await stores.MetricValueAsync(Signups, June1, June1.AddDays(7), TrendInterval.Week);

        // 2 against 4: -50 %. June 1 2025 is a Sunday, so the weeks are May 26 (cut to June 1) and June 2.
        Assert.Equal(2, value.Value);
        Assert.Equal(4, value.Previous);
        Assert.Equal(-50, value.ChangePct);
        Assert.False(value.Meta.Incomplete);
        Assert.Equal(new double?[] { 0, 2 }, value.Series.Select(point => point.V));
        Assert.All(value.Series, point => Assert.False(point.Incomplete));
    }

    [Fact]
    public async Task A_formula_metric_is_the_formula_line_and_no_previous_means_no_change()
    {
        // 6 buys over 3 signups in June 1 to 3: 2 buys per signup. Before, 0 buys over 0 signups has no value, so no change either.
        var stores = new InMemoryQueryStores(June1.AddDays(9));
        Log(stores, "signup", June1, June1.AddHours(1), June1.AddDays(1));
        Log(stores, "buy", June1, June1, June1.AddHours(2), June1.AddDays(1), June1.AddDays(2), June1.AddDays(2));

        var value = await stores.MetricValueAsync(
            """{"title":"Buys per signup","unit":"number:2","definition":{"kind":"trend","query":{"series":[{"event":"buy"},{"event":"signup"}],"formula":"A / B"}}}""",
            June1, June1.AddDays(3), TrendInterval.Day);

        Assert.Equal(2, value.Value);
        Assert.Null(value.Previous);
        Assert.Null(value.ChangePct);

        // June 1: 3 buys / 2 signups; June 2: 1 / 1; June 3: 2 buys / 0 signups divides by zero.
        Assert.Equal(new double?[] { 1.5, 1, null }, value.Series.Select(point => point.V));
        Assert.Equal("number:2", value.Meta.Unit);
    }

    /// <summary>Counts the events in the pre-aggregates and keeps them as raw events, as ingestion does both.</summary>
    private static void Log(InMemoryQueryStores stores, string name, params DateTimeOffset[] times)
    {
        foreach (var ts in times)
        {
            stores.Preaggregates.Count(name, ts);
            stores.Events.Add("s-" + name + ts.UtcTicks, name, ts, writtenAs: "u-" + ts.UtcTicks);
        }
    }
}
