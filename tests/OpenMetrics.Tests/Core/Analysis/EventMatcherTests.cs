using System.Text.Json;
using OpenMetrics.Core.Analysis;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis;

public sealed class EventMatcherTests
{
    private static PropertyFilter Filter(string prop, FilterOp op, string? value, PropertyScope on = PropertyScope.Event) =>
        new(prop, op, value is null ? null : Json(value), on);

    [Fact]
    public void Each_predicate_sets_its_own_bit_and_a_name_may_stand_for_several()
    {
        var matcher = new EventMatcher([
            EventPredicate.Named("view"),
            new EventPredicate("view", [Filter("plan", FilterOp.Eq, "\"pro\"")]),
            EventPredicate.Named("buy"),
        ]);

        Assert.Equal(0b001UL, matcher.Match("view", true, Json("""{"plan": "free"}""")));
        Assert.Equal(0b011UL, matcher.Match("view", true, Json("""{"plan": "pro"}""")));
        Assert.Equal(0b100UL, matcher.Match("buy", true, null));
        Assert.Equal(0UL, matcher.Match("other", true, null));
    }

    [Fact]
    public void A_predicate_without_a_name_matches_active_events_only_and_a_named_one_matches_inactive_ones_too()
    {
        var matcher = new EventMatcher([EventPredicate.AnyActive, EventPredicate.Named("ping")]);

        Assert.Equal(0b01UL, matcher.Match("anything", active: true, null));
        Assert.Equal(0b11UL, matcher.Match("ping", active: true, null));
        Assert.Equal(0b10UL, matcher.Match("ping", active: false, null));
        Assert.Equal(0UL, matcher.Match("anything", active: false, null));
    }

    [Fact]
    public void Filters_read_the_event_the_user_or_the_session_as_they_say()
    {
        var matcher = new EventMatcher([
            new EventPredicate("buy", [Filter("amount", FilterOp.Gt, "10"), Filter("country", FilterOp.Eq, "\"FR\"", PropertyScope.User)]),
            new EventPredicate("buy", [Filter("utm", FilterOp.Set, null, PropertyScope.Session)]),
        ]);
        JsonElement? user = Json("""{"country": "FR"}""");
        JsonElement? session = Json("""{"utm": "news"}""");

        Assert.True(matcher.NeedsUserProps);
        Assert.True(matcher.NeedsSessionProps);
        Assert.Equal(0b11UL, matcher.Match("buy", true, Json("""{"amount": 20}"""), user, session));
        Assert.Equal(0b10UL, matcher.Match("buy", true, Json("""{"amount": 5}"""), user, session));
        Assert.Equal(0b00UL, matcher.Match("buy", true, Json("""{"amount": 20}"""), Json("""{"country": "DE"}"""), null));
    }
}
