using OpenMetrics.Core.Analysis.Funnels;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>Exclusion events: an entry during whose open gap an excluded event happens is discarded (FunnelEngine docs).</summary>
public sealed class FunnelExclusionTests
{
    private static readonly FunnelDefinition Checkout =
        FunnelCase.Define("2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "signup", "activate", "purchase") with
        {
            Window = TimeSpan.FromDays(1),
            Exclusions = [new FunnelExclusion("cancel")],
        };

    [Fact]
    public void An_excluded_event_between_two_steps_discards_the_entry_and_one_after_the_last_step_does_not()
    {
        var result = new FunnelCase(Checkout)
            .User("cancel-midway", Event("signup", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-02T10:01:00Z"), Event("activate", "2026-11-02T10:02:00Z"), Event("purchase", "2026-11-02T10:03:00Z"))
            .User("cancel-after", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:02:00Z"), Event("purchase", "2026-11-02T10:03:00Z"), Event("cancel", "2026-11-02T10:04:00Z"))
            .User("cancel-while-waiting", Event("signup", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-02T12:00:00Z"))
            .User("cancel-after-window", Event("signup", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-03T10:00:01Z"))
            .User("second-try", Event("signup", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-02T10:01:00Z"), Event("signup", "2026-11-02T11:00:00Z"), Event("activate", "2026-11-02T11:30:00Z"))
            .Result();

        // cancel-midway and cancel-while-waiting have no entry left. cancel-after converts; cancel-after-window's
        // cancel comes after its window closed; second-try's second signup reaches activate, 1,800 s later.
        // Step 2 times: 120 s (cancel-after) and 1,800 s: median 960. Step 3: 60 s.
        Assert.Equal([3, 2, 1], result.Steps.Select(s => s.Users));
        Assert.Equal(["cancel-after-window"], result.Steps[0].DroppedOffUsers);
        Assert.Equal(["second-try"], result.Steps[1].DroppedOffUsers);
        Assert.Equal([null, 960.0, 60.0], result.Steps.Select(s => s.MedianSecondsFromPrevious));
    }

    [Fact]
    public void An_exclusion_applies_only_between_the_steps_it_names()
    {
        var definition = Checkout with { Exclusions = [new FunnelExclusion("cancel") { FromStep = 1, ToStep = 2 }] };
        var result = new FunnelCase(definition)
            .User("before-its-gap", Event("signup", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-02T10:01:00Z"), Event("activate", "2026-11-02T10:02:00Z"), Event("purchase", "2026-11-02T10:03:00Z"))
            .User("in-its-gap", Event("signup", "2026-11-02T10:00:00Z"), Event("activate", "2026-11-02T10:02:00Z"), Event("cancel", "2026-11-02T10:02:30Z"), Event("purchase", "2026-11-02T10:03:00Z"))
            .Result();

        Assert.Equal([1, 1, 1], result.Steps.Select(s => s.Users));
        Assert.Empty(result.Steps[0].DroppedOffUsers);
    }

    [Fact]
    public void In_strict_order_a_gap_closes_at_the_next_event()
    {
        var definition = Checkout with { Order = FunnelOrder.Strict };
        var result = new FunnelCase(definition)
            .User("cancel-next", Event("signup", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-02T10:01:00Z"))
            .User("cancel-later", Event("signup", "2026-11-02T10:00:00Z"), Event("pageview", "2026-11-02T10:01:00Z"), Event("cancel", "2026-11-02T10:02:00Z"))
            .Result();

        // cancel-next is discarded; cancel-later's strict sequence already broke at pageview, so its cancel is outside.
        Assert.Equal([1, 0, 0], result.Steps.Select(s => s.Users));
        Assert.Equal(["cancel-later"], result.Steps[0].DroppedOffUsers);
    }

    [Fact]
    public void In_any_order_an_exclusion_counts_from_the_entry_until_the_funnel_is_complete()
    {
        var definition = Checkout with { Order = FunnelOrder.Any };
        var result = new FunnelCase(definition)
            .User("cancel-before-complete", Event("purchase", "2026-11-02T10:00:00Z"), Event("cancel", "2026-11-02T10:01:00Z"), Event("signup", "2026-11-02T10:02:00Z"), Event("activate", "2026-11-02T10:03:00Z"))
            .User("cancel-after-complete", Event("purchase", "2026-11-02T10:00:00Z"), Event("signup", "2026-11-02T10:02:00Z"), Event("activate", "2026-11-02T10:03:00Z"), Event("cancel", "2026-11-02T10:04:00Z"))
            .Result();

        // cancel-before-complete: the entry at purchase is discarded; the entry at signup (10:02) still does signup and
        // activate without a cancel after it: 2 steps, 60 s apart.
        Assert.Equal([2, 2, 1], result.Steps.Select(s => s.Users));
        Assert.Equal(["cancel-before-complete"], result.Steps[1].DroppedOffUsers);
    }

    [Fact]
    public void An_exclusion_must_name_a_gap_of_the_funnel()
    {
        Assert.Throws<ArgumentException>(() => new FunnelEngine(Checkout with { Exclusions = [new FunnelExclusion("cancel") { FromStep = 2 }] }));
        Assert.Throws<ArgumentException>(() => new FunnelEngine(Checkout with { Exclusions = [new FunnelExclusion("cancel") { FromStep = 1, ToStep = 3 }] }));
    }
}
