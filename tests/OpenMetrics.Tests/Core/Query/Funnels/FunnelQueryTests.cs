using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Funnels;

/// <summary>
/// <c>POST /api/query/funnel</c> against answers worked out by hand from <see cref="FunnelData"/>, through the local
/// host over a real Azurite, with the events sent through the v1 routes. Every query carries <c>"fresh": true</c>
/// unless it tests the cache, so that each one is computed from the raw events.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class FunnelQueryTests(QueryHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => FunnelData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sequential_funnel_counts_each_users_furthest_step_within_the_window()
    {
        // ann and dan reach buy; ben buys 8 days after signing up (window 7 days); cat's activate is in another session
        // of hers (her signup was anonymous then); f-s6 only signed up.
        var answer = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","fresh":true"""));
        var steps = answer.GetProperty("steps");

        Assert.Equal([5, 4, 2], FunnelData.Users(steps));
        Assert.Equal([100.0, 80.0, 40.0], steps.EnumerateArray().Select(s => s.GetProperty("pctOfFirst").GetDouble()));
        Assert.Equal([100.0, 80.0, 50.0], steps.EnumerateArray().Select(s => s.GetProperty("pctOfPrevious").GetDouble()));
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("medianSecondsFromPrevious").ValueKind);

        // Signup to activate: ann, cat, dan 1 h, ben 2 days: median 3,600 s, mean (3 × 3,600 + 172,800) / 4.
        Assert.Equal(3600, steps[1].GetProperty("medianSecondsFromPrevious").GetDouble());
        Assert.Equal(45900, steps[1].GetProperty("avgSecondsFromPrevious").GetDouble());

        // Activate to buy: ann 22 h, dan 1 h: both the median and the mean of two are their mean.
        Assert.Equal(41400, steps[2].GetProperty("medianSecondsFromPrevious").GetDouble());
        Assert.Equal(41400, steps[2].GetProperty("avgSecondsFromPrevious").GetDouble());
        Assert.Equal("raw", answer.GetProperty("meta").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Drop_offs_are_counted_and_listed_per_step()
    {
        var steps = (await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","fresh":true"""))).GetProperty("steps");

        Assert.Equal([1, 2, 0], steps.EnumerateArray().Select(s => s.GetProperty("droppedOff").GetInt32()));
        Assert.Equal(["$anon:f-s6"], DroppedUsers(steps[0]));
        Assert.Equal(["f-ben", "f-cat"], DroppedUsers(steps[1]));
    }

    [Fact]
    public async Task The_window_edge_counts_and_a_second_less_does_not()
    {
        // ben activates exactly 2 days after signing up.
        var edge = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","window":"P2D","fresh":true""").Replace("\"window\":\"P7D\",", ""));
        var shorter = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","window":"PT47H59M59S","fresh":true""").Replace("\"window\":\"P7D\",", ""));

        Assert.Equal([5, 4, 2], FunnelData.Users(edge.GetProperty("steps")));
        Assert.Equal([5, 3, 2], FunnelData.Users(shorter.GetProperty("steps")));
    }

    [Fact]
    public async Task Strict_order_breaks_at_any_other_event()
    {
        // dan's cancel comes between his signup and his activate.
        var answer = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","order":"strict","fresh":true"""));

        Assert.Equal([5, 3, 1], FunnelData.Users(answer.GetProperty("steps")));
    }

    [Fact]
    public async Task Any_order_counts_steps_done_in_any_order()
    {
        // In any order step k is "k of the steps": the same users as sequential here, since everyone did them in order.
        var answer = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","order":"any","fresh":true"""));

        Assert.Equal([5, 4, 2], FunnelData.Users(answer.GetProperty("steps")));
    }

    [Fact]
    public async Task An_exclusion_discards_the_entry_it_interrupts()
    {
        var answer = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query($$""","exclusions":[{"event":"{{FunnelData.Cancel}}"}],"fresh":true"""));

        Assert.Equal([4, 3, 1], FunnelData.Users(answer.GetProperty("steps")));
    }

    [Fact]
    public async Task A_step_filter_narrows_that_step()
    {
        var query = FunnelData.Query(""","fresh":true""").Replace(
            $$"""{"event":"{{FunnelData.Signup}}"}""", $$"""{"event":"{{FunnelData.Signup}}","filters":[{"prop":"plan","op":"eq","value":"free"}]}""", StringComparison.Ordinal);

        var answer = await FunnelData.PostAsync(host, "/api/query/funnel", query);

        // ann, cat and dan signed up on the free plan.
        Assert.Equal([3, 3, 2], FunnelData.Users(answer.GetProperty("steps")));
    }

    [Fact]
    public async Task A_breakdown_splits_users_by_their_entry_events_value()
    {
        var answer = await FunnelData.PostAsync(host, "/api/query/funnel", FunnelData.Query(""","breakdown":{"prop":"plan"},"fresh":true"""));
        var groups = answer.GetProperty("breakdowns").EnumerateArray()
            .Select(g => (Value: g.GetProperty("breakdownValue").GetString(), Users: FunnelData.Users(g.GetProperty("steps"))))
            .ToList();

        // free: ann, cat, dan; pro: ben; not set: f-s6. Most users first, "not set" after the value it ties with.
        Assert.Equal([("free", new[] { 3, 3, 2 }), ("pro", new[] { 1, 1, 0 }), (null, new[] { 1, 0, 0 })], groups.Select(g => (g.Value, g.Users)));
        Assert.Equal([5, 4, 2], FunnelData.Users(answer.GetProperty("steps")));
    }

    [Fact]
    public async Task A_segment_keeps_its_users_only()
    {
        var answer = await FunnelData.PostAsync(
            host, "/api/query/funnel", FunnelData.Query(""","segment":{"filters":[{"prop":"country","op":"eq","value":"NL"}]},"fresh":true"""));

        Assert.Equal([1, 1, 1], FunnelData.Users(answer.GetProperty("steps")));
    }

    [Fact]
    public async Task The_dropoff_route_lists_the_users_who_stopped_after_a_step()
    {
        var dropoff = await FunnelData.PostAsync(host, "/api/query/funnel/dropoff", FunnelData.Query(""","step":1"""));

        Assert.Equal((1, "factivate", 2, true), (dropoff.GetProperty("step").GetInt32(), dropoff.GetProperty("event").GetString(), dropoff.GetProperty("droppedOff").GetInt32(), dropoff.GetProperty("complete").GetBoolean()));
        Assert.Equal(["f-ben", "f-cat"], dropoff.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task The_same_query_again_is_served_from_its_cached_answer()
    {
        var query = FunnelData.Query(""","order":"sequential","tz":"UTC" """);

        var first = await FunnelData.PostAsync(host, "/api/query/funnel", query);
        var second = await FunnelData.PostAsync(host, "/api/query/funnel", query.Replace(",", ", ", StringComparison.Ordinal));

        Assert.Equal("raw", first.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal("snapshot", second.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal(first.GetProperty("meta").GetProperty("computedAt").GetString(), second.GetProperty("meta").GetProperty("computedAt").GetString());
        Assert.Equal(first.GetProperty("steps").GetRawText(), second.GetProperty("steps").GetRawText());
    }

    private static IEnumerable<string?> DroppedUsers(JsonElement step) =>
        step.GetProperty("droppedOffUsers").EnumerateArray().Select(u => u.GetString());
}
