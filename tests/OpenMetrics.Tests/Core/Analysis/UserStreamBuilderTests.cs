using OpenMetrics.Core.Analysis;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis;

public sealed class UserStreamBuilderTests
{
    [Fact]
    public void Events_come_out_by_time_then_by_arrival_of_their_call_then_by_position_in_it()
    {
        // Three events at the same instant: the call received first holds "a" (seq 1) and "b" (seq 0); "c" came later.
        var events = new List<OpenMetrics.Core.Events.StoredEvent>
        {
            Event("late", "2026-11-02T10:00:01Z"),
            Event("c", "2026-11-02T10:00:00Z", receivedAt: "2026-11-02T10:00:09Z", seq: 0),
            Event("a", "2026-11-02T10:00:00Z", receivedAt: "2026-11-02T10:00:05Z", seq: 1),
            Event("b", "2026-11-02T10:00:00Z", receivedAt: "2026-11-02T10:00:05Z", seq: 0),
            Event("early", "2026-11-02T09:59:59Z"),
        };
        var matcher = new EventMatcher([.. new[] { "early", "b", "a", "c", "late" }.Select(EventPredicate.Named)]);
        var stream = new List<AnalysisEvent>();

        new UserStreamBuilder(matcher).Build(events, null, null, stream);

        Assert.Equal([1UL, 2UL, 4UL, 8UL, 16UL], stream.Select(e => e.Matches));
        Assert.Equal(At("2026-11-02T09:59:59Z").UtcTicks, stream[0].Ticks);
    }

    [Fact]
    public void The_breakdown_value_of_each_event_is_read_from_the_scope_the_breakdown_names()
    {
        var values = new BreakdownValues();
        var builder = new UserStreamBuilder(new EventMatcher([EventPredicate.Named("view")]), new Breakdown("source"), values);
        var stream = new List<AnalysisEvent>();

        builder.Build([Event("view", "2026-11-02T10:00:00Z", """{"source": "ads"}"""), Event("view", "2026-11-02T10:00:01Z", """{"source": 7}"""), Event("view", "2026-11-02T10:00:02Z")], null, null, stream);

        Assert.Equal(["ads", "7", null], stream.Select(e => values.ValueOf(e.Group)));

        var byUser = new UserStreamBuilder(new EventMatcher([EventPredicate.Named("view")]), new Breakdown("plan", PropertyScope.User), values);
        byUser.Build([Event("view", "2026-11-02T10:00:00Z", """{"plan": "free"}""")], Json("""{"plan": "pro"}"""), null, stream);
        Assert.Equal("pro", values.ValueOf(stream[0].Group));
    }

    [Fact]
    public void Session_properties_come_from_each_event_s_own_session()
    {
        var matcher = new EventMatcher([new EventPredicate("view", [new PropertyFilter("utm", FilterOp.Eq, Json("\"news\""), PropertyScope.Session)])]);
        var sessions = new Dictionary<string, string> { ["s-news"] = """{"utm": "news"}""", ["s-ads"] = """{"utm": "ads"}""" };
        var stream = new List<AnalysisEvent>();

        new UserStreamBuilder(matcher).Build(
            [Event("view", "2026-11-02T10:00:00Z", session: "s-news"), Event("view", "2026-11-02T10:00:01Z", session: "s-ads")],
            null,
            session => Json(sessions[session]),
            stream);

        Assert.Equal([1UL, 0UL], stream.Select(e => e.Matches));
    }
}
