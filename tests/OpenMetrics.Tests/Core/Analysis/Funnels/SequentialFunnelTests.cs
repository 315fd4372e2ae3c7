using OpenMetrics.Core.Analysis.Funnels;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>Sequential funnels worked out by hand on a timeline; every expected figure is a literal.</summary>
public sealed class SequentialFunnelTests
{
    private static readonly FunnelDefinition SignupFunnel = FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "signup", "activate", "purchase");

    [Fact]
    public void Users_percentages_times_and_drop_offs_per_step()
    {
        var result = new FunnelCase(SignupFunnel)
            .User("u1", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:01:00Z"), Event("purchase", "2026-11-02T10:03:00Z"))
            .User("u2", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:02:00Z"))
            .User("u3", Event("signup", "2026-11-03T08:00:00Z"))
            .User("no-entry", Event("activate", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:01:00Z"))
            .User("before-range", Event("signup", "2026-11-01T23:59:59Z"), Event("activate", "2026-11-02T00:00:01Z"))
            .Result();

        // Step 1: u1, u2, u3. Step 2: u1 (60 s after signup), u2 (120 s). Step 3: u1 (120 s after activate).
        Assert.Null(result.Breakdowns);
        Assert.Equal(["signup", "activate", "purchase"], result.Steps.Select(s => s.Event));
        Assert.Equal([3, 2, 1], result.Steps.Select(s => s.Users));
        Assert.Equal([100.0, 66.667, 33.333], result.Steps.Select(s => Math.Round(s.PctOfFirst, 3)));
        Assert.Equal([100.0, 66.667, 50.0], result.Steps.Select(s => Math.Round(s.PctOfPrevious, 3)));
        Assert.Equal([null, 90.0, 120.0], result.Steps.Select(s => s.MedianSecondsFromPrevious));
        Assert.Equal([null, 90.0, 120.0], result.Steps.Select(s => s.AvgSecondsFromPrevious));
        Assert.Equal([1, 1, 0], result.Steps.Select(s => s.DroppedOff));
        Assert.Equal(["u3"], result.Steps[0].DroppedOffUsers);
        Assert.Equal(["u2"], result.Steps[1].DroppedOffUsers);
        Assert.Empty(result.Steps[2].DroppedOffUsers);
    }

    [Fact]
    public void An_event_exactly_at_entry_plus_window_counts_and_one_tick_later_does_not()
    {
        var definition = FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z", "signup", "purchase") with { Window = TimeSpan.FromHours(1) };

        var result = new FunnelCase(definition)
            .User("edge", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T11:00:00Z"))
            .User("late", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T11:00:00.0000001Z"))
            .Result();

        Assert.Equal([2, 1], result.Steps.Select(s => s.Users));
        Assert.Equal(3600.0, result.Steps[1].MedianSecondsFromPrevious);
        Assert.Equal(["late"], result.Steps[0].DroppedOffUsers);
    }

    [Fact]
    public void Entries_start_in_the_half_open_range_but_later_steps_may_fall_after_it()
    {
        var result = new FunnelCase(SignupFunnel)
            .User("at-from", Event("signup", "2026-11-02T00:00:00Z"))
            .User("at-to", Event("signup", "2026-11-09T00:00:00Z"), Event("activate", "2026-11-09T00:00:01Z"))
            .User("converts-after-to", Event("signup", "2026-11-08T23:00:00Z"), Event("activate", "2026-11-10T00:00:00Z"))
            .Result();

        Assert.Equal([2, 1, 0], result.Steps.Select(s => s.Users));
    }

    [Fact]
    public void A_step_that_happened_before_the_previous_one_does_not_count()
    {
        var result = new FunnelCase(SignupFunnel)
            .User("u", Event("activate", "2026-11-02T09:00:00Z"), Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T11:00:00Z"))
            .Result();

        // purchase comes after signup, but activate (step 2) never follows the signup.
        Assert.Equal([1, 0, 0], result.Steps.Select(s => s.Users));
    }

    [Fact]
    public void A_later_entry_can_reach_further_and_then_times_are_measured_from_it()
    {
        var definition = SignupFunnel with { Window = TimeSpan.FromDays(2) };

        var result = new FunnelCase(definition)
            .User("u", Event("signup", "2026-11-02T10:00:00Z"), Event("signup", "2026-11-05T10:00:00Z"), Event("activate", "2026-11-06T10:00:00Z"))
            .Result();

        // The first signup's window ends 2026-11-04T10:00; the second's holds activate, one day (86,400 s) later.
        Assert.Equal([1, 1, 0], result.Steps.Select(s => s.Users));
        Assert.Equal(86400.0, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void Of_several_entries_reaching_the_furthest_step_the_earliest_gives_the_times()
    {
        var result = new FunnelCase(SignupFunnel)
            .User("u", Event("signup", "2026-11-02T10:00:00Z"), Event("signup", "2026-11-02T11:00:00Z"), Event("activate", "2026-11-02T12:00:00Z"))
            .Result();

        // Both signups reach activate; the user counts once, 2 hours (7,200 s) from the first signup.
        Assert.Equal([1, 1, 0], result.Steps.Select(s => s.Users));
        Assert.Equal(7200.0, result.Steps[1].AvgSecondsFromPrevious);
    }

    [Fact]
    public void Each_step_is_taken_at_its_first_occurrence_after_the_previous_step()
    {
        var result = new FunnelCase(SignupFunnel)
            .User("u", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:10:00Z"), Event("activate", "2026-11-02T10:20:00Z"), Event("purchase", "2026-11-02T10:30:00Z"))
            .Result();

        // activate at 10:10 (600 s after signup), then purchase 1,200 s after it, not 600 s after the second activate.
        Assert.Equal([null, 600.0, 1200.0], result.Steps.Select(s => s.MedianSecondsFromPrevious));
    }

    [Fact]
    public void One_event_fills_at_most_one_step()
    {
        var definition = FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "view", "view", "buy");

        var result = new FunnelCase(definition)
            .User("one-view", Event("view", "2026-11-02T10:00:00Z"), Event("buy", "2026-11-02T10:01:00Z"))
            .User("two-views", Event("view", "2026-11-02T10:00:00Z"), Event("view", "2026-11-02T10:00:30Z"), Event("buy", "2026-11-02T10:01:00Z"))
            .Result();

        Assert.Equal([2, 1, 1], result.Steps.Select(s => s.Users));
        Assert.Equal([null, 30.0, 30.0], result.Steps.Select(s => s.MedianSecondsFromPrevious));
    }

    [Fact]
    public void Events_with_the_same_timestamp_are_taken_in_the_order_they_were_sent()
    {
        // Same instant; the builder gets them shuffled and orders them by receivedAt, then by position in the call.
        var result = new FunnelCase(SignupFunnel)
            .User("signup-sent-first", Event("activate", "2026-11-02T10:00:00Z", seq: 1), Event("signup", "2026-11-02T10:00:00Z", seq: 0))
            .User("activate-sent-first", Event("signup", "2026-11-02T10:00:00Z", seq: 1), Event("activate", "2026-11-02T10:00:00Z", seq: 0))
            .User("signup-call-first",
                Event("activate", "2026-11-02T10:00:00Z", receivedAt: "2026-11-02T10:00:02Z"),
                Event("signup", "2026-11-02T10:00:00Z", receivedAt: "2026-11-02T10:00:01Z", seq: 5))
            .Result();

        Assert.Equal([3, 2, 0], result.Steps.Select(s => s.Users));
        Assert.Equal(["activate-sent-first"], result.Steps[0].DroppedOffUsers);
        Assert.Equal(0.0, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_and_the_average_is_the_mean()
    {
        var funnel = FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "signup", "activate");

        var result = new FunnelCase(funnel)
            .User("a", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:00:10Z"))
            .User("b", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:00:20Z"))
            .User("c", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:01:30Z"))
            .Result();

        // 10, 20 and 90 seconds: median 20, mean 40.
        Assert.Equal(20.0, result.Steps[1].MedianSecondsFromPrevious);
        Assert.Equal(40.0, result.Steps[1].AvgSecondsFromPrevious);
    }

    [Fact]
    public void Drop_off_lists_are_capped_and_their_counts_are_not()
    {
        var definition = FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "signup", "activate") with { DropOffLimit = 2 };
        var funnel = new FunnelCase(definition);
        foreach (var user in new[] { "a", "b", "c" })
        {
            funnel.User(user, Event("signup", "2026-11-02T10:00:00Z"));
        }

        var step = funnel.Result().Steps[0];

        Assert.Equal(3, step.DroppedOff);
        Assert.Equal(["a", "b"], step.DroppedOffUsers);
    }

    [Fact]
    public void A_user_whose_anonymous_session_did_step_1_and_identified_session_step_2_converts()
    {
        // Identity resolution happens before the engine: both sessions resolve to u1 (setUserId merged $anon:s-anon into it),
        // so the query groups their events into one stream whatever user key each event was written with.
        var stored = new[]
        {
            Event("signup", "2026-11-02T10:00:00Z", session: "s-anon", userKey: "$anon:s-anon"),
            Event("activate", "2026-11-02T10:05:00Z", session: "s-known", userKey: "u1"),
        };
        var resolved = new Dictionary<string, string> { ["s-anon"] = "u1", ["s-known"] = "u1" };
        var funnel = new FunnelCase(FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "signup", "activate"));
        foreach (var user in stored.GroupBy(e => resolved[e.SessionId]))
        {
            funnel.User(user.Key, [.. user]);
        }

        Assert.Equal([1, 1], funnel.Users());
        Assert.Equal(300.0, funnel.Result().Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void A_window_as_long_as_time_itself_still_converts()
    {
        var result = new FunnelCase(SignupFunnel with { Window = TimeSpan.MaxValue })
            .User("u", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2099-01-01T00:00:00Z"))
            .Result();

        Assert.Equal([1, 1, 0], result.Steps.Select(s => s.Users));
    }

    [Fact]
    public void Events_out_of_time_order_are_refused()
    {
        var engine = new FunnelEngine(SignupFunnel);

        Assert.Throws<ArgumentException>(() => engine.AddUser(new("u"), [new(20, 1), new(10, 1)]));
    }
}
