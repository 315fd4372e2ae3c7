using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Events;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>Strict and any-order funnels against the sequential one, on timelines worked out by hand.</summary>
public sealed class FunnelOrderTests
{
    private const string From = "2026-11-02T00:00:00Z";
    private const string To = "2026-11-09T00:00:00Z";

    [Fact]
    public void Strict_order_breaks_at_any_other_event_between_two_steps()
    {
        var definition = FunnelCase.Define(From, To, "signup", "activate", "purchase");
        StoredEvent[] interrupted = [Event("signup", "2026-11-02T10:00:00Z"), Event("pageview", "2026-11-02T10:00:30Z"), Event("activate", "2026-11-02T10:01:00Z"), Event("purchase", "2026-11-02T10:02:00Z")];
        StoredEvent[] clean = [Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:01:00Z"), Event("purchase", "2026-11-02T10:02:00Z"), Event("pageview", "2026-11-02T10:03:00Z")];
        StoredEvent[] retried = [Event("signup", "2026-11-02T10:00:00Z"), Event("pageview", "2026-11-02T10:00:30Z"), Event("signup", "2026-11-02T10:05:00Z"), Event("activate", "2026-11-02T10:06:00Z")];

        var strict = new FunnelCase(definition with { Order = FunnelOrder.Strict }).User("interrupted", interrupted).User("clean", clean).User("retried", retried).Result();
        var sequential = new FunnelCase(definition).User("interrupted", interrupted).User("clean", clean).User("retried", retried).Result();

        // Strict: interrupted stops at signup; retried's second signup is followed directly by activate.
        Assert.Equal([3, 2, 1], strict.Steps.Select(s => s.Users));
        Assert.Equal(["interrupted"], strict.Steps[0].DroppedOffUsers);
        Assert.Equal(60.0, strict.Steps[1].MedianSecondsFromPrevious);
        Assert.Equal([3, 3, 2], sequential.Steps.Select(s => s.Users));
    }

    [Fact]
    public void Strict_order_counts_an_event_that_matches_no_step_filter_as_another_event()
    {
        var definition = new FunnelDefinition(
            [new FunnelStep("view"), new FunnelStep("view", [new PropertyFilter("page", FilterOp.Eq, Json("\"/pricing\""), PropertyScope.Event)])],
            At(From), At(To)) { Order = FunnelOrder.Strict };

        var users = new FunnelCase(definition)
            .User("u", Event("view", "2026-11-02T10:00:00Z", """{"page": "/"}"""), Event("view", "2026-11-02T10:00:01Z", """{"page": "/docs"}"""), Event("view", "2026-11-02T10:00:02Z", """{"page": "/pricing"}"""))
            .Users();

        // The entry at /docs is followed directly by /pricing; the one at / is not, and /pricing itself is followed by nothing.
        Assert.Equal([1, 1], users);
    }

    [Fact]
    public void Any_order_counts_how_many_of_the_steps_happened_within_the_window_of_the_first()
    {
        var definition = FunnelCase.Define(From, To, "a", "b", "c") with { Window = TimeSpan.FromHours(1) };
        StoredEvent[] reversed = [Event("c", "2026-11-02T10:00:00Z"), Event("a", "2026-11-02T10:10:00Z"), Event("b", "2026-11-02T10:30:00Z")];
        StoredEvent[] onlyB = [Event("b", "2026-11-02T10:00:00Z")];
        StoredEvent[] tooSlow = [Event("b", "2026-11-02T10:00:00Z"), Event("a", "2026-11-02T10:30:00Z"), Event("c", "2026-11-02T11:00:00.001Z")];

        var any = new FunnelCase(definition with { Order = FunnelOrder.Any }).User("reversed", reversed).User("only-b", onlyB).User("too-slow", tooSlow).Result();
        var sequential = new FunnelCase(definition).User("reversed", reversed).User("only-b", onlyB).User("too-slow", tooSlow).Result();

        // Any order. reversed: c, a, b all within the hour of c. only-b: 1 step. too-slow: from b (10:00) the hour holds
        // b and a; c comes 1 ms after it closes; from a (10:30) the hour holds a and c: 2 steps either way, timed from b.
        Assert.Equal([3, 2, 1], any.Steps.Select(s => s.Users));
        Assert.Equal(["only-b"], any.Steps[0].DroppedOffUsers);
        Assert.Equal(["too-slow"], any.Steps[1].DroppedOffUsers);
        // Second step: reversed 600 s (c to a), too-slow 1,800 s (b to a). Third: reversed 1,200 s (a to b).
        Assert.Equal([null, 1200.0, 1200.0], any.Steps.Select(s => s.MedianSecondsFromPrevious));
        // Sequential enters only at a: reversed goes on to b (c was before); too-slow has nothing after a; only-b never enters.
        Assert.Equal([2, 1, 0], sequential.Steps.Select(s => s.Users));
    }

    [Fact]
    public void Any_order_gives_an_event_that_matches_two_steps_to_the_one_that_fills_the_most()
    {
        // Step 1 is any view, step 2 a view of /pricing. The /pricing view comes first: taken for step 1 it would leave the
        // /docs view nothing to fill; the matching gives it to step 2 and the /docs view to step 1.
        var definition = new FunnelDefinition(
            [new FunnelStep("view"), new FunnelStep("view", [new PropertyFilter("page", FilterOp.Eq, Json("\"/pricing\""), PropertyScope.Event)])],
            At(From), At(To));
        StoredEvent[] events = [Event("view", "2026-11-02T10:00:00Z", """{"page": "/pricing"}"""), Event("view", "2026-11-02T10:00:10Z", """{"page": "/docs"}""")];

        Assert.Equal([1, 1], new FunnelCase(definition with { Order = FunnelOrder.Any }).User("u", events).Users());
        Assert.Equal([1, 0], new FunnelCase(definition).User("u", events).Users());
    }

    [Fact]
    public void Any_order_needs_one_event_per_step_even_when_two_steps_name_the_same_event()
    {
        var definition = FunnelCase.Define(From, To, "view", "view", "buy") with { Order = FunnelOrder.Any };

        var result = new FunnelCase(definition)
            .User("one-view", Event("buy", "2026-11-02T10:00:00Z"), Event("view", "2026-11-02T10:00:10Z"))
            .User("two-views", Event("view", "2026-11-02T10:00:00Z"), Event("buy", "2026-11-02T10:00:05Z"), Event("view", "2026-11-02T10:00:10Z"))
            .Result();

        Assert.Equal([2, 2, 1], result.Steps.Select(s => s.Users));
        // one-view: buy, then view 10 s later. two-views: 5 s, then 5 s.
        Assert.Equal([null, 7.5, 5.0], result.Steps.Select(s => s.AvgSecondsFromPrevious));
    }
}
