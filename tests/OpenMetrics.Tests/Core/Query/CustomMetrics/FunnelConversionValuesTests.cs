using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

/// <summary>Funnel-conversion metrics: the conversion of everyone who entered, and the conversion trend of each day's cohort.</summary>
public sealed class FunnelConversionValuesTests
{
    private const string SignupToBuy = """
        {"title":"Signup to buy","unit":"percent","goal":{"value":0.5,"direction":"above"},
         "definition":{"kind":"funnelConversion","query":{"steps":[{"event":"signup"},{"event":"buy"}],"window":"P2D"}}}
        """;

    private static readonly DateTimeOffset June1 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_day_is_the_conversion_of_the_users_who_entered_that_day()
    {
        var stores = Seeded(June1.AddDays(19));

        var value = await stores.MetricValueAsync(SignupToBuy, June1, June1.AddDays(3), TrendInterval.Day);

        // June 1: ann converts, bob does not: 1/2. June 2: cat buys 3 days later, past the 2-day window: 0/1.
        // June 3: dan and eve convert: 2/2. The range: 3 of 5. The 3 days before: fay converts, gus does not: 1/2.
        Assert.Equal(new double?[] { 0.5, 0, 1 }, value.Series.Select(point => point.V));
        Assert.Equal(0.6, value.Value);
        Assert.Equal(0.5, value.Previous);
        Assert.Equal(20, value.ChangePct!.Value, 9);
        Assert.All(value.Series, point => Assert.False(point.Incomplete));
        Assert.Equal("funnelConversion", value.Meta.Kind);
        Assert.Equal(0.5, value.Meta.Goal!.Value);
    }

    [Fact]
    public async Task A_day_whose_users_can_still_convert_is_incomplete()
    {
        // Now is June 4, 12:00. June 1's entries converted by June 4 00:00 at the latest (2-day window after June 2
        // 00:00): complete. June 2's can convert until June 5, June 3's until June 6: still open.
        var stores = Seeded(June1.AddDays(3).AddHours(12));

        var value = await stores.MetricValueAsync(SignupToBuy, June1, June1.AddDays(3), TrendInterval.Day);

        Assert.Equal(new[] { false, true, true }, value.Series.Select(point => point.Incomplete));
        Assert.True(value.Meta.Incomplete);
    }

    [Fact]
    public async Task The_step_pair_can_be_any_two_steps()
    {
        // Of the 3 who viewed (ann, bob, cat), ann bought: 1/3, from step 1 (view) to step 2 (buy).
        var stores = new InMemoryQueryStores(June1.AddDays(19));
        MetricData.AddUser(stores, "ann", "signup", June1.AddHours(1), "view", June1.AddHours(2), "buy", June1.AddHours(3));
        MetricData.AddUser(stores, "bob", "signup", June1.AddHours(1), "view", June1.AddHours(2));
        MetricData.AddUser(stores, "cat", "signup", June1.AddHours(1), "view", June1.AddHours(2));
        MetricData.AddUser(stores, "dan", "signup", June1.AddHours(1));

        var value = await stores.MetricValueAsync(
            """{"title":"View to buy","definition":{"kind":"funnelConversion","fromStep":1,"toStep":2,"query":{"steps":[{"event":"signup"},{"event":"view"},{"event":"buy"}]}}}""",
            June1, June1.AddDays(1), TrendInterval.Day);

        Assert.Equal(1.0 / 3, value.Value);
    }

    private static InMemoryQueryStores Seeded(DateTimeOffset now)
    {
        var stores = new InMemoryQueryStores(now);
        MetricData.AddUser(stores, "ann", "signup", June1.AddHours(10), "buy", June1.AddDays(1).AddHours(9));
        MetricData.AddUser(stores, "bob", "signup", June1.AddHours(11));
        MetricData.AddUser(stores, "cat", "signup", June1.AddDays(1).AddHours(8), "buy", June1.AddDays(4).AddHours(8));
        MetricData.AddUser(stores, "dan", "signup", June1.AddDays(2).AddHours(12), "buy", June1.AddDays(2).AddHours(13));
        MetricData.AddUser(stores, "eve", "signup", June1.AddDays(2).AddHours(14), "buy", June1.AddDays(3).AddHours(10));
        MetricData.AddUser(stores, "fay", "signup", June1.AddDays(-2).AddHours(10), "buy", June1.AddDays(-2).AddHours(11));
        MetricData.AddUser(stores, "gus", "signup", June1.AddDays(-1).AddHours(10));
        return stores;
    }
}
