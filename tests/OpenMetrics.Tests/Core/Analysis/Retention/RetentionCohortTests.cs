using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Retention;

/// <summary>
/// Retention tables worked out by hand. Most cases use three daily cohorts, 2 to 4 November 2026 (UTC), three periods:
/// a is active on 2, 3, 4 Nov; b on 2 and 4; c on 3; d on 3 but first seen in October; e on 3 and 4.
/// </summary>
public sealed class RetentionCohortTests
{
    private static readonly RetentionDefinition ThreeDays = new(At("2026-11-02T00:00:00Z"), At("2026-11-05T00:00:00Z")) { Periods = 3 };

    private static RetentionCase FiveUsers(RetentionDefinition definition) => new RetentionCase(definition)
        .Active("a", "2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z", "2026-11-04T10:00:00Z")
        .Active("b", "2026-11-02T10:00:00Z", "2026-11-04T10:00:00Z")
        .Active("c", "2026-11-03T10:00:00Z")
        .User("d", "2026-10-01T08:00:00Z", null, Event("pageview", "2026-11-03T10:00:00Z"))
        .Active("e", "2026-11-03T10:00:00Z", "2026-11-04T10:00:00Z");

    [Fact]
    public void First_time_cohorts_count_returns_in_each_later_period()
    {
        var result = FiveUsers(ThreeDays).Result();

        // 2 Nov: a, b; a back on the 3rd, a and b on the 4th. 3 Nov: c, e (d started in October); e back on the 4th.
        Assert.Equal([At("2026-11-02T00:00:00Z"), At("2026-11-03T00:00:00Z"), At("2026-11-04T00:00:00Z")], result.Cohorts.Select(c => c.Start));
        Assert.Equal([2, 2, 0], result.Cohorts.Select(c => c.Size));
        Assert.Equal([2, 1, 2], result.Cohorts[0].Values);
        Assert.Equal([2, 1, 0], result.Cohorts[1].Values);
        Assert.Equal([0, 0, 0], result.Cohorts[2].Values);
        Assert.Equal([100.0, 50.0, 100.0], result.Cohorts[0].Percentages);
        // Weighted by size: k=1 (1 + 1) / 4, k=2 (2 + 0) / 4.
        Assert.Equal([100.0, 50.0, 50.0], result.Average);
        Assert.All(result.Cohorts, c => Assert.Equal(3, c.CompletePeriods));
    }

    [Fact]
    public void Unbounded_counts_a_user_in_every_period_up_to_their_last_return()
    {
        var result = FiveUsers(ThreeDays with { Unbounded = true }).Result();

        // b came back on the 4th only, so counts for k=1 as well as k=2.
        Assert.Equal([2, 2, 2], result.Cohorts[0].Values);
        Assert.Equal([2, 1, 0], result.Cohorts[1].Values);
        Assert.Equal([100.0, 75.0, 50.0], result.Average);
    }

    [Fact]
    public void Recurring_cohorts_hold_a_user_in_every_period_they_started_in()
    {
        var result = FiveUsers(ThreeDays with { Type = RetentionType.Recurring }).Result();

        // 2 Nov: a, b. 3 Nov: a, c, d, e (history does not matter); a and e back on the 4th. 4 Nov: a, b, e; nobody on the 5th.
        Assert.Equal([2, 4, 3], result.Cohorts.Select(c => c.Size));
        Assert.Equal([2, 1, 2], result.Cohorts[0].Values);
        Assert.Equal([4, 2, 0], result.Cohorts[1].Values);
        Assert.Equal([3, 0, 0], result.Cohorts[2].Values);
        // k=1: (1 + 2 + 0) / 9; k=2: (2 + 0 + 0) / 9.
        Assert.Equal([100.0, 33.333, 22.222], result.Average.Select(v => Math.Round(v!.Value, 3)));
    }

    [Fact]
    public void Periods_that_have_not_ended_are_marked_and_left_out_of_the_average()
    {
        var result = new RetentionCase(ThreeDays, now: "2026-11-03T12:00:00Z")
            .Active("a", "2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z")
            .Active("b", "2026-11-03T09:00:00Z")
            .Result();

        // Noon on the 3rd: the 2 Nov cohort has its day 0 done and day 1 under way; the 3 Nov cohort is still filling;
        // the 4 Nov one has not begun.
        Assert.Equal([1, 1], result.Cohorts[0].Values);
        Assert.Equal(1, result.Cohorts[0].CompletePeriods);
        Assert.Equal([1], result.Cohorts[1].Values);
        Assert.Equal(0, result.Cohorts[1].CompletePeriods);
        Assert.Equal([0], result.Cohorts[2].Values);
        Assert.Equal([100.0, null, null], result.Average);
    }

    [Fact]
    public void Start_and_return_events_with_filters()
    {
        var purchase = new EventPredicate("purchase", [new PropertyFilter("amount", FilterOp.Gt, Json("0"), PropertyScope.Event)]);
        var definition = ThreeDays with { StartEvent = EventPredicate.Named("signup"), ReturnEvent = purchase };

        var result = new RetentionCase(definition)
            .User("free-then-paid", Event("signup", "2026-11-02T10:00:00Z"), Event("purchase", "2026-11-03T10:00:00Z", """{"amount": 0}"""), Event("purchase", "2026-11-04T10:00:00Z", """{"amount": 5}"""))
            .User("never-signed-up", Event("purchase", "2026-11-02T10:00:00Z", """{"amount": 5}"""))
            .User("bought-on-day-0", Event("signup", "2026-11-03T10:00:00Z"), Event("purchase", "2026-11-03T11:00:00Z", """{"amount": 1}"""), Event("signup", "2026-11-04T10:00:00Z"))
            .Result();

        Assert.Equal([1, 0, 1], result.Cohorts[0].Values);
        Assert.Equal([1, 0, 0], result.Cohorts[1].Values);
        Assert.Equal(0, result.Cohorts[2].Size);
    }

    [Fact]
    public void Inactive_events_are_not_activity()
    {
        var result = new RetentionCase(ThreeDays)
            .User("u", Event("ping", "2026-11-02T10:00:00Z", active: false), Event("pageview", "2026-11-03T10:00:00Z"), Event("ping", "2026-11-04T10:00:00Z", active: false))
            .Result();

        Assert.Equal([0, 1, 0], result.Cohorts.Select(c => c.Size));
        Assert.Equal([1, 0, 0], result.Cohorts[1].Values);
    }

    [Fact]
    public void Weeks_start_on_Monday_and_a_user_first_seen_before_the_range_is_in_no_cohort()
    {
        // From Wednesday 4 Nov: the first cohort is the week of Monday 2 Nov; 16 Nov's week holds the range's last days.
        var definition = new RetentionDefinition(At("2026-11-04T00:00:00Z"), At("2026-11-18T00:00:00Z")) { Period = RetentionPeriod.Week, Periods = 2 };

        var result = new RetentionCase(definition)
            .Active("sunday-night", "2026-11-08T23:59:59Z", "2026-11-09T00:00:00Z")
            .Active("before-from", "2026-11-03T10:00:00Z", "2026-11-10T10:00:00Z")
            .Result();

        Assert.Equal([At("2026-11-02T00:00:00Z"), At("2026-11-09T00:00:00Z"), At("2026-11-16T00:00:00Z")], result.Cohorts.Select(c => c.Start));
        Assert.Equal([1, 1], result.Cohorts[0].Values);
        Assert.Equal([0, 0], result.Cohorts[1].Values);
    }

    [Fact]
    public void Months_are_calendar_months_of_any_length()
    {
        var definition = new RetentionDefinition(At("2026-01-15T00:00:00Z"), At("2026-03-01T00:00:00Z")) { Period = RetentionPeriod.Month, Periods = 3 };

        var result = new RetentionCase(definition)
            .Active("january", "2026-01-20T10:00:00Z", "2026-03-31T23:59:59Z")
            .Active("february", "2026-02-28T10:00:00Z", "2026-04-01T00:00:00Z")
            .Result();

        Assert.Equal([At("2026-01-01T00:00:00Z"), At("2026-02-01T00:00:00Z")], result.Cohorts.Select(c => c.Start));
        Assert.Equal([1, 0, 1], result.Cohorts[0].Values);
        Assert.Equal([1, 0, 1], result.Cohorts[1].Values);
    }

    [Fact]
    public void A_segment_keeps_only_the_users_it_accepts()
    {
        var result = new RetentionCase(ThreeDays, segment: user => user.Key != "b")
            .Active("a", "2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z")
            .Active("b", "2026-11-02T10:00:00Z")
            .Result();

        Assert.Equal([1, 1, 0], result.Cohorts[0].Values);
    }
}
