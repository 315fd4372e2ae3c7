using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Events;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Aggregation;

/// <summary>
/// A hand-computed day of traffic sent through the real v1 routes and processed from the real queue: merges before and
/// after setUserId, a setUserId processed before the events it follows, a late event, and an inactive event.
/// Every expected figure below was worked out by hand from the script in <see cref="SendScriptAsync"/>.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class AggregationFixtureTests(LocalHostFixture host) : IAsyncLifetime
{
    /// <summary>The script runs once for the class: active users are counted across all events of a bucket, so a second run would add to them.</summary>
    private static readonly SemaphoreSlim ScriptGate = new(1, 1);
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static bool _scriptSent;
    private AggregationHarness _harness = null!;

    private static string View => $"view-{Run}";

    private static string Buy => $"buy-{Run}";

    private static string S(string name) => $"{name}-{Run}";

    private static string U(string name) => $"{name}-{Run}";

    public async Task InitializeAsync()
    {
        _harness = new AggregationHarness(host.Azurite.ConnectionString);
        await ScriptGate.WaitAsync();
        try
        {
            if (!_scriptSent)
            {
                await host.ClearIngestQueueAsync();
                await SendScriptAsync();
                _scriptSent = true;
            }
        }
        finally
        {
            ScriptGate.Release();
        }
    }

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Event_counts_per_day_hour_and_minute_match_the_hand_count()
    {
        Assert.Equal(7, (await Figures("20261102", "d", View)).Count);
        Assert.Equal(1, (await Figures("20261102", "h09", View)).Count);
        Assert.Equal(5, (await Figures("20261102", "h10", View)).Count);
        Assert.Equal(1, (await Figures("20261102", "h11", View)).Count);
        Assert.Equal(1, (await Figures("20261102", "m1005", View)).Count);
        Assert.Equal(0, (await Figures("20261102", "h12", View)).Count);
        Assert.Equal(1, (await Figures("20261102", "d", Buy)).Count);
        Assert.Equal(1, (await Figures("20261031", "d", View)).Count);
    }

    [Fact]
    public async Task Numeric_and_per_value_figures_match_the_hand_count()
    {
        var day = await Figures("20261102", "d", View);

        Assert.Equal(new NumericStats(2, 15, 5, 10), day.Numeric["price"]);
        Assert.Equal(new Dictionary<string, long> { ["pro"] = 3, ["free"] = 1 }, day.Values["plan"]);
        Assert.Equal(new NumericStats(1, 30, 30, 30), (await Figures("20261102", "h11", Buy)).Numeric["price"]);
    }

    [Fact]
    public async Task Unique_users_follow_merges_made_before_and_after_events()
    {
        // u1 owns sA and sB (both merged), u2 owns sD, u3 owns sE, and sC stays anonymous.
        Assert.Equal(4, await Uniques("202611", "d02", View));
        Assert.Equal(3, await Uniques("202611", "h0210", View));
        Assert.Equal(1, await Uniques("202611", "h0209", View));
        Assert.Equal(1, await Uniques("202611", "d02", Buy));
        Assert.Equal(4, await Uniques("202611", "w20261102", View));
        Assert.Equal(4, await Uniques("202611", "M", View));
    }

    [Fact]
    public async Task Active_users_leave_out_users_whose_only_events_were_inactive()
    {
        Assert.Equal(3, await Uniques("202611", "d02", MemberKeys.ActiveEvent, raw: true));
        Assert.Equal(2, await Uniques("202611", "h0210", MemberKeys.ActiveEvent, raw: true));
    }

    [Fact]
    public async Task A_late_event_lands_in_its_own_day_week_and_month()
    {
        Assert.Equal(1, await Uniques("202610", "d31", View));
        Assert.Equal(1, await Uniques("202610", "w20261026", View));
        Assert.Equal(1, await Uniques("202610", "M", View));
        Assert.Equal(0, await Uniques("202610", "d30", View));
    }

    [Fact]
    public async Task Sessions_point_at_their_user_and_the_merged_anonymous_users_point_on()
    {
        Assert.Equal(U("u1"), (await _harness.Identity.ReadSessionAsync(S("sA"), default))!.GetString("UserKey"));
        Assert.Equal(U("u1"), (await _harness.Identity.ReadSessionAsync(S("sB"), default))!.GetString("UserKey"));
        Assert.Equal(U("u2"), (await _harness.Identity.ReadSessionAsync(S("sD"), default))!.GetString("UserKey"));
        Assert.Equal($"$anon:{S("sC")}", (await _harness.Identity.ReadSessionAsync(S("sC"), default))!.GetString("UserKey"));
        Assert.Equal([S("sA"), S("sB")], (await _harness.Rows.UserSessionsAsync(U("u1"), default)).Order());
        Assert.Equal(U("u1"), await _harness.Identity.ResolveAsync($"$anon:{S("sA")}", default));
        Assert.Equal(U("u1"), await _harness.Identity.ResolveAsync($"$anon:{S("sB")}", default));
    }

    [Fact]
    public async Task Session_first_and_last_seen_span_its_events()
    {
        var sessionA = (await _harness.Identity.ReadSessionAsync(S("sA"), default))!;

        Assert.Equal(At(10, 5), sessionA.GetDateTimeOffset("FirstSeen"));
        Assert.True(sessionA.GetDateTimeOffset("LastSeen") >= At(11, 30));
    }

    [Fact]
    public async Task Raw_events_are_stored_once_each_by_time_and_by_session()
    {
        var bySession = await _harness.Events.ReadSessionAsync(S("sA"), default);

        Assert.Equal([View, Buy, View, View], bySession.Select(e => e.Name));
        Assert.Equal([At(11, 45), At(11, 30), At(10, 20), At(10, 5)], bySession.Select(e => e.Ts));
        Assert.Equal([5.0, 30.0, 10.0], bySession.Where(e => e.Props?.TryGetProperty("price", out _) == true).Select(e => e.Props!.Value.GetProperty("price").GetDouble()));

        var hour10 = new List<StoredEvent>();
        foreach (var stored in await _harness.Rows.HourAsync(At(10, 0), default))
        {
            if (stored.Name == View)
            {
                hour10.Add(stored);
            }
        }

        Assert.Equal([At(10, 5), At(10, 10), At(10, 20), At(10, 30), At(10, 40)], hour10.Select(e => e.Ts));
        Assert.Equal([S("sA"), S("sB"), S("sA"), S("sC"), S("sE")], hour10.Select(e => e.SessionId));
        Assert.Equal([true, true, true, true, false], hour10.Select(e => e.Active));
    }

    /// <summary>
    /// The day, all times 2026-11-02 UTC (a Monday) unless said:
    /// sA: view 10:05 {plan:pro}, view 10:20 {plan:pro, price:10}, buy 11:30 {price:30}; setUserId u1; view 11:45 {price:5}.
    /// sB: view 10:10 {plan:free}; setUserId u1 (u1 exists: sB's anonymous user merges into u1).
    /// sC: view 10:30 {plan:pro}, never identified; later a late view at 2026-10-31 23:59.
    /// sD: view 09:00 sent, then setUserId u2 — but the setUserId is processed first.
    /// sE: view 10:40 with options.active false; setUserId u3.
    /// </summary>
    private async Task SendScriptAsync()
    {
        await SendAndProcess("/v1/events", $$$"""{"sessionId":"{{{S("sA")}}}","events":[{"name":"{{{View}}}","ts":"2026-11-02T10:05:00Z","props":{"plan":"pro"}},{"name":"{{{View}}}","ts":"2026-11-02T10:20:00Z","props":{"plan":"pro","price":10}},{"name":"{{{Buy}}}","ts":"2026-11-02T11:30:00Z","props":{"price":30}}]}""");
        await SendAndProcess("/v1/setUserId", $$$"""{"sessionId":"{{{S("sA")}}}","userId":"{{{U("u1")}}}"}""");
        await SendAndProcess("/v1/events", $$$"""{"sessionId":"{{{S("sA")}}}","events":[{"name":"{{{View}}}","ts":"2026-11-02T11:45:00Z","props":{"price":5}}]}""");
        await SendAndProcess("/v1/events", $$$"""{"sessionId":"{{{S("sB")}}}","events":[{"name":"{{{View}}}","ts":"2026-11-02T10:10:00Z","props":{"plan":"free"}}]}""");
        await SendAndProcess("/v1/setUserId", $$$"""{"sessionId":"{{{S("sB")}}}","uid":"{{{U("u1")}}}"}""");
        await SendAndProcess("/v1/events", $$$"""{"sessionId":"{{{S("sC")}}}","events":[{"name":"{{{View}}}","ts":"2026-11-02T10:30:00Z","props":{"plan":"pro"}}]}""");
        await SendAndProcess("/v1/events", $$$"""{"sessionId":"{{{S("sE")}}}","events":[{"name":"{{{View}}}","ts":"2026-11-02T10:40:00Z","options":{"active":false}}]}""");
        await SendAndProcess("/v1/setUserId", $$$"""{"sessionId":"{{{S("sE")}}}","userId":"{{{U("u3")}}}"}""");

        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"{{{S("sD")}}}","events":[{"name":"{{{View}}}","ts":"2026-11-02T09:00:00Z"}]}""");
        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"{{{S("sD")}}}","userId":"{{{U("u2")}}}"}""");
        var (eventsFirst, setUserIdSecond) = (await host.TakeIngestQueueAsync()) switch { var b => (b[0], b[1]) };
        await _harness.ProcessAllAsync([setUserIdSecond, eventsFirst]);

        await SendAndProcess("/v1/events", $$$"""{"sessionId":"{{{S("sC")}}}","events":[{"name":"{{{View}}}","ts":"2026-10-31T23:59:00Z"}]}""");
    }

    private async Task SendAndProcess(string route, string json)
    {
        await host.PostOkAsync(route, json);
        await _harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
    }


    private Task<BucketFigures> Figures(string day, string bucket, string eventName) =>
        _harness.Rows.FiguresAsync(day, bucket, eventName, default);

    private Task<int> Uniques(string month, string bucket, string eventName, bool raw = false) =>
        _harness.Rows.MemberCountAsync(month, bucket, raw ? eventName : MemberKeys.EventPart(eventName), default);

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 2, hour, minute, 0, TimeSpan.Zero);
}
