using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

/// <summary>Retention metrics: the day-N rate of the range's cohorts, and of each day's or week's cohorts.</summary>
public sealed class RetentionMetricValuesTests
{
    private const string DayOne = """
        {"title":"Day-1 retention","unit":"percent",
         "definition":{"kind":"retention","period":1,"query":{"startEvent":"signup","returnEvent":"visit","period":"day"}}}
        """;

    private static readonly DateTimeOffset June1 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_value_is_the_tables_day_n_average_and_each_day_its_cohorts_rate()
    {
        var stores = Seeded(June1.AddDays(19));

        var value = await stores.MetricValueAsync(DayOne, June1, June1.AddDays(3), TrendInterval.Day);

        // June 1: ann back on June 2, bob only on June 4: 1/2. June 2: cat back June 3: 1/1. June 3: eve back June 4,
        // dan never: 1/2. Over the range 3 of 5 came back the next day; before (May 29 to 31): fay yes, gus no: 1/2.
        Assert.Equal(new double?[] { 0.5, 1, 0.5 }, value.Series.Select(point => point.V));
        Assert.Equal(0.6, value.Value!.Value, 9);
        Assert.Equal(0.5, value.Previous!.Value, 9);
        Assert.All(value.Series, point => Assert.False(point.Incomplete));
    }

    [Fact]
    public async Task A_week_pools_the_cohorts_that_started_in_it()
    {
        var stores = Seeded(June1.AddDays(19));

        var value = await stores.MetricValueAsync(DayOne, June1, June1.AddDays(3), TrendInterval.Week);

        // June 1 2025 is a Sunday: its week (May 26, cut to June 1) holds June 1's cohort, 1 of 2; the week of June 2
        // holds June 2's and June 3's, 1 + 1 of 1 + 2.
        Assert.Equal(new double?[] { 0.5, 2.0 / 3 }, value.Series.Select(point => point.V));
    }

    [Fact]
    public async Task A_cohort_whose_day_n_has_not_ended_is_left_out_of_the_value_and_flagged()
    {
        // Now is June 4, 12:00: June 3's cohort's day 1 (June 4) has not ended. The value is over June 1 and 2's
        // cohorts only: 1 + 1 of 2 + 1.
        var stores = Seeded(June1.AddDays(3).AddHours(12));

        var value = await stores.MetricValueAsync(DayOne, June1, June1.AddDays(3), TrendInterval.Day);

        Assert.Equal(2.0 / 3, value.Value!.Value, 9);
        Assert.Equal(new[] { false, false, true }, value.Series.Select(point => point.Incomplete));
        Assert.True(value.Meta.Incomplete);
    }

    private static InMemoryQueryStores Seeded(DateTimeOffset now)
    {
        var stores = new InMemoryQueryStores(now);
        MetricData.AddUser(stores, "ann", "signup", June1.AddHours(10), "visit", June1.AddDays(1).AddHours(9));
        MetricData.AddUser(stores, "bob", "signup", June1.AddHours(11), "visit", June1.AddDays(3).AddHours(9));
        MetricData.AddUser(stores, "cat", "signup", June1.AddDays(1).AddHours(8), "visit", June1.AddDays(2).AddHours(8));
        MetricData.AddUser(stores, "dan", "signup", June1.AddDays(2).AddHours(12));
        MetricData.AddUser(stores, "eve", "signup", June1.AddDays(2).AddHours(14), "visit", June1.AddDays(3).AddHours(10));
        MetricData.AddUser(stores, "fay", "signup", June1.AddDays(-2).AddHours(10), "visit", June1.AddDays(-1).AddHours(11));
        MetricData.AddUser(stores, "gus", "signup", June1.AddDays(-1).AddHours(10));
        return stores;
    }
}
