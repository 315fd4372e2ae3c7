using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>Step filters, breakdowns and segments, worked out by hand.</summary>
public sealed class FunnelBreakdownTests
{
    private const string From = "2026-11-02T00:00:00Z";
    private const string To = "2026-11-09T00:00:00Z";

    [Fact]
    public void A_step_counts_only_occurrences_that_pass_its_filters()
    {
        var definition = new FunnelDefinition(
            [
                new FunnelStep("signup", [new PropertyFilter("plan", FilterOp.Eq, Json("\"pro\""), PropertyScope.User)]),
                new FunnelStep("purchase", [new PropertyFilter("amount", FilterOp.Gt, Json("10"), PropertyScope.Event)]),
            ],
            At(From), At(To));

        var result = new FunnelCase(definition)
            .User("small-then-large", """{"plan": "pro"}""", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:01:00Z", """{"amount": 5}"""), Event("purchase", "2026-11-02T10:02:00Z", """{"amount": "20"}"""))
            .User("small-only", """{"plan": "pro"}""", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:01:00Z", """{"amount": 5}"""))
            .User("free-plan", """{"plan": "free"}""", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:01:00Z", """{"amount": 50}"""))
            .Result();

        // free-plan fails step 1's user filter; small-then-large converts on its second purchase, 120 s after signup.
        Assert.Equal([2, 1], result.Steps.Select(s => s.Users));
        Assert.Equal(120.0, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void A_breakdown_puts_each_user_once_under_the_value_of_the_entry_that_counts()
    {
        var definition = FunnelCase.Define(From, To, "signup", "purchase") with { Breakdown = new Breakdown("source") };

        var result = new FunnelCase(definition)
            .User("ads-converts", Event("signup", "2026-11-02T10:00:00Z", """{"source": "ads"}"""), Event("purchase", "2026-11-02T10:01:00Z"))
            .User("ads-drops", Event("signup", "2026-11-02T10:00:00Z", """{"source": "ads"}"""))
            .User("news-drops", Event("signup", "2026-11-02T10:00:00Z", """{"source": "news"}"""))
            .User("no-source", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:05:00Z"))
            // Two entries: the news one drops off, the later ads one converts and is the one that counts.
            .User("news-then-ads", Event("signup", "2026-11-02T09:00:00Z", """{"source": "news"}"""), Event("signup", "2026-11-20T10:00:00Z", """{"source": "ads"}"""), Event("signup", "2026-11-04T10:00:00Z", """{"source": "ads"}"""), Event("purchase", "2026-11-17T10:00:00Z"))
            .Result();

        var groups = result.Breakdowns!;
        Assert.Equal(["ads", "news", null], groups.Select(g => g.BreakdownValue));
        Assert.Equal([3, 2], groups[0].Steps.Select(s => s.Users));
        Assert.Equal([1, 0], groups[1].Steps.Select(s => s.Users));
        Assert.Equal([1, 1], groups[2].Steps.Select(s => s.Users));
        Assert.Equal([5, 3], result.Steps.Select(s => s.Users));
        Assert.Equal(["ads-drops"], groups[0].Steps[0].DroppedOffUsers);
    }

    [Fact]
    public void Values_past_the_breakdown_limit_are_added_up_as_other()
    {
        var definition = FunnelCase.Define(From, To, "signup", "purchase") with { Breakdown = new Breakdown("source", Limit: 1) };

        var result = new FunnelCase(definition)
            .User("a1", Event("signup", "2026-11-02T10:00:00Z", """{"source": "ads"}"""))
            .User("a2", Event("signup", "2026-11-02T10:00:00Z", """{"source": "ads"}"""))
            .User("n1", Event("signup", "2026-11-02T10:00:00Z", """{"source": "news"}"""), Event("purchase", "2026-11-02T10:00:10Z"))
            .User("x1", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:00:30Z"))
            .Result();

        var groups = result.Breakdowns!;
        Assert.Equal(["ads", Breakdown.Other], groups.Select(g => g.BreakdownValue));
        Assert.Equal([2, 2], groups[1].Steps.Select(s => s.Users));
        // The median of 10 s and 30 s, merged from two values.
        Assert.Equal(20.0, groups[1].Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void A_segment_keeps_only_the_users_it_accepts()
    {
        var definition = FunnelCase.Define(From, To, "signup", "purchase");
        static bool InFrance(AnalysisUser user) => new PropertyFilter("country", FilterOp.Eq, Json("\"FR\""), PropertyScope.User).Matches(user.Props);

        var result = new FunnelCase(definition, InFrance)
            .User("fr", """{"country": "FR"}""", Event("signup", "2026-11-02T10:00:00Z"))
            .User("de", """{"country": "DE"}""", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-02T10:00:10Z"))
            .Result();

        Assert.Equal([1, 0], result.Steps.Select(s => s.Users));
        Assert.Equal(["fr"], result.Steps[0].DroppedOffUsers);
    }
}
