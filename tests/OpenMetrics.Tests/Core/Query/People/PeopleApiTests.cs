using System.Net;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.People;

/// <summary>
/// People (docs/query.md, "People"): search, profiles and timelines over data logged through the v1 routes and
/// processed by the local host's poller into a real Azurite, merges included.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class PeopleApiTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly DateTimeOffset _base = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-2).AddHours(9);

    [Fact]
    public async Task A_timeline_is_every_event_of_the_users_sessions_newest_first_anonymous_ones_merged_in()
    {
        var user = "user-" + _run;
        var anonymous = "anon-" + _run;
        var later = "later-" + _run;
        await LogAsync(anonymous, ("view", 0), ("click", 60));
        await LogAsync(later, ("view", 30), ("buy", 90));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = anonymous, userId = user }));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = later, userId = user }));
        await host.ProcessIngestAsync();

        var page = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString(user)}/events");

        Assert.Equal(
            [("buy", later, 90), ("click", anonymous, 60), ("view", later, 30), ("view", anonymous, 0)],
            Events(page).Select(e => (e.Name, e.Session, e.Seconds)));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal("ok", page.GetProperty("events")[0].GetProperty("props").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Events_sent_with_the_same_time_come_in_the_reverse_of_the_order_they_were_sent()
    {
        var session = "ties-" + _run;
        await LogAsync(session, ("first", 10), ("second", 10), ("third", 10));
        await host.ProcessIngestAsync();

        var page = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString("$anon:" + session)}/events");

        Assert.Equal(["third", "second", "first"], Events(page).Select(e => e.Name));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats_while_new_events_arrive()
    {
        var user = "pager-" + _run;
        var sessions = new[] { "p1-" + _run, "p2-" + _run, "p3-" + _run };
        for (var i = 0; i < sessions.Length; i++)
        {
            await LogAsync(sessions[i], [.. Enumerable.Range(0, 7).Select(k => ($"e{k}", (k * 3) + i))]);
            await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = sessions[i], userId = user }));
            await host.ProcessIngestAsync();
        }

        var whole = Events(await host.GetQueryAsync($"/api/users/{user}/events?limit=1000"));
        Assert.Equal(21, whole.Count);

        var paged = new List<(string Name, string Session, int Seconds)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await host.GetQueryAsync($"/api/users/{user}/events?limit=5" + (cursor is null ? "" : "&before=" + cursor));
            paged.AddRange(Events(page));
            cursor = page.GetProperty("next").GetString();
            if (++pages == 2)
            {
                await LogAsync(sessions[0], ("arrived-meanwhile", 3600));
                await host.ProcessIngestAsync();
            }
        }
        while (cursor is not null);

        Assert.Equal(whole, paged);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task Pages_of_sessions_with_many_calls_come_whole_and_in_order()
    {
        var user = "many-" + _run;
        var busy = "busy-" + _run;
        var quiet = "quiet-" + _run;
        for (var call = 0; call < 40; call++)
        {
            await LogAsync(busy, ($"b{call}a", call * 10), ($"b{call}b", (call * 10) + 1), ($"b{call}c", (call * 10) + 2));
            if (call % 2 == 0)
            {
                await LogAsync(quiet, ($"q{call}", (call * 10) + 5));
            }
        }

        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = busy, userId = user }));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = quiet, userId = user }));
        await host.ProcessIngestAsync();

        var paged = new List<(string Name, string Session, int Seconds)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await host.GetQueryAsync($"/api/users/{user}/events?limit=7" + (cursor is null ? "" : "&before=" + cursor));
            paged.AddRange(Events(page));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(20, pages);
        Assert.Equal(140, paged.Count);
        Assert.Equal(paged.OrderByDescending(e => e.Seconds).ToList(), paged);
        Assert.Equal(140, paged.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public async Task The_event_filter_keeps_one_name()
    {
        var session = "filter-" + _run;
        await LogAsync(session, ("keep", 1), ("drop", 2), ("keep", 3), ("drop", 4));
        await host.ProcessIngestAsync();

        var page = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString("$anon:" + session)}/events?event=keep&limit=1");
        var rest = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString("$anon:" + session)}/events?event=keep&before={page.GetProperty("next").GetString()}");

        Assert.Equal([("keep", 3)], Events(page).Select(e => (e.Name, e.Seconds)));
        Assert.Equal([("keep", 1)], Events(rest).Select(e => (e.Name, e.Seconds)));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task A_profile_has_the_users_props_sessions_span_and_event_count_and_a_merged_id_answers_for_its_user()
    {
        var user = "profile-" + _run;
        var anonymous = "pa-" + _run;
        var known = "pb-" + _run;
        await LogAsync(anonymous, ("view", 0), ("view", 120));
        await host.PostOkAsync("/v1/setUserProps", Json(new { sessionId = anonymous, props = new { plan = "free", country = "NL" } }));
        await host.PostOkAsync("/v1/setSessionProps", Json(new { sessionId = anonymous, props = new { utm_source = "news" } }));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = anonymous, userId = user }));
        await host.ProcessIngestAsync();
        await LogAsync(known, ("buy", 600));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = known, userId = user }));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserProps", Json(new { sessionId = known, props = new { plan = "pro" } }));
        await host.ProcessIngestAsync();

        var profile = await host.GetQueryAsync($"/api/users/{user}");
        var viaAnonymous = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString("$anon:" + anonymous)}");

        Assert.Equal(user, profile.GetProperty("userId").GetString());
        Assert.Equal("pro", profile.GetProperty("props").GetProperty("plan").GetString());
        Assert.Equal("NL", profile.GetProperty("props").GetProperty("country").GetString());
        Assert.Equal(_base, profile.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.True(profile.GetProperty("lastSeen").GetDateTimeOffset() >= _base.AddSeconds(600));
        Assert.Equal(3, profile.GetProperty("eventCount").GetInt64());
        var sessions = profile.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal([known, anonymous], sessions.Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal("news", sessions[1].GetProperty("props").GetProperty("utm_source").GetString());
        Assert.Equal(_base, sessions[1].GetProperty("firstSeen").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("mergedFrom").ValueKind);
        Assert.Contains("$anon:" + anonymous, profile.GetProperty("mergedUsers").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal(user, viaAnonymous.GetProperty("userId").GetString());
        Assert.Equal("$anon:" + anonymous, viaAnonymous.GetProperty("mergedFrom").GetString());
        Assert.Equal(3, viaAnonymous.GetProperty("eventCount").GetInt64());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a%2Fb")]
    [InlineData("hash#and?query")]
    [InlineData("with space + plus")]
    [InlineData("ünïcødé 用户 🚀")]
    [InlineData("back\\slash|pipe*star")]
    public async Task User_ids_with_any_character_work_url_encoded(string id)
    {
        var user = id + " " + _run;
        var session = "chars-" + _run + "-" + Math.Abs(id.GetHashCode(StringComparison.Ordinal));
        await LogAsync(session, ("view", 5));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = session, userId = user }));
        await host.ProcessIngestAsync();

        var profile = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString(user)}");
        var timeline = await host.GetQueryAsync($"/api/users/{Uri.EscapeDataString(user)}/events");

        Assert.Equal(user, profile.GetProperty("userId").GetString());
        Assert.Equal(["view"], Events(timeline).Select(e => e.Name));
    }

    [Fact]
    public async Task Search_matches_ids_and_property_values_ignoring_case_most_recently_seen_first_without_merged_away_users()
    {
        var older = "Searcher-Old-" + _run;
        var newer = "searcher-new-" + _run;
        var now = DateTimeOffset.UtcNow;
        await LogAtAsync("so-" + _run, now.AddHours(-1));
        await LogAtAsync("sn-" + _run, now.AddHours(2));
        await LogAtAsync("sx-" + _run, now.AddHours(-1));
        await host.PostOkAsync("/v1/setUserProps", Json(new { sessionId = "sn-" + _run, props = new { company = "Acme " + _run.ToUpperInvariant() } }));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = "so-" + _run, userId = older }));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = "sn-" + _run, userId = newer }));
        await host.ProcessIngestAsync();

        var byId = Users(await host.GetQueryAsync("/api/users?search=SEARCHER-&limit=1000"));
        var byValue = Users(await host.GetQueryAsync($"/api/users?search=acme%20{_run}"));
        var anonymousToo = Users(await host.GetQueryAsync($"/api/users?search={_run}&limit=1000"));
        var identifiedOnly = Users(await host.GetQueryAsync($"/api/users?search={_run}&limit=1000&anonymous=false"));

        Assert.Equal([newer, older], byId.Where(u => u.EndsWith(_run, StringComparison.Ordinal)));
        Assert.Equal([newer], byValue);
        Assert.Equal([newer, older, "$anon:sx-" + _run], anonymousToo);
        Assert.Equal([newer, older], identifiedOnly);
    }

    [Fact]
    public async Task Search_without_text_lists_the_most_recently_seen_users_first_with_their_span()
    {
        // Ahead of every other test's events: 22 h 50 min is still within what ingest keeps as sent (23 h).
        var session = "recent-" + _run;
        var ahead = DateTimeOffset.UtcNow.AddHours(22).AddMinutes(50);
        await LogAtAsync(session, ahead);
        await host.ProcessIngestAsync();

        var first = (await host.GetQueryAsync("/api/users?limit=1")).GetProperty("users")[0];

        Assert.Equal("$anon:" + session, first.GetProperty("userId").GetString());
        Assert.True(first.GetProperty("anonymous").GetBoolean());
        Assert.Equal(ahead.ToUnixTimeMilliseconds(), first.GetProperty("firstSeen").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(ahead.ToUnixTimeMilliseconds(), first.GetProperty("lastSeen").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("/api/users?limit=0", "limit")]
    [InlineData("/api/users?limit=1001", "limit")]
    [InlineData("/api/users?limit=ten", "limit")]
    [InlineData("/api/users?anonymous=maybe", "anonymous")]
    [InlineData("/api/users/someone/events?limit=0", "limit")]
    [InlineData("/api/users/someone/events?limit=1001", "limit")]
    [InlineData("/api/users/someone/events?before=not-a-cursor", "before")]
    [InlineData("/api/users/someone/events?before=AQ", "before")]
    public async Task Bad_arguments_are_400_naming_the_argument(string path, string field)
    {
        using var response = await host.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/users/nobody-{0}")]
    [InlineData("/api/users/nobody-{0}/events")]
    public async Task An_unknown_user_is_404(string path)
    {
        using var response = await host.Api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _run));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Logs one event at a given time (the session's first call starts it and its anonymous user).</summary>
    private Task LogAtAsync(string session, DateTimeOffset at) =>
        host.PostOkAsync("/v1/events", Json(new { sessionId = session, events = new[] { new { name = "view", ts = at.ToUnixTimeMilliseconds() } } }));

    /// <summary>Logs events in one call, each at a number of seconds after the test's base time.</summary>
    private async Task LogAsync(string session, params (string Name, int Seconds)[] events)
    {
        var batch = events.Select(e => new { name = e.Name, ts = _base.AddSeconds(e.Seconds).ToUnixTimeMilliseconds(), props = new { label = "ok" } });
        await host.PostOkAsync("/v1/events", Json(new { sessionId = session, events = batch }));
    }

    private List<(string Name, string Session, int Seconds)> Events(JsonElement page) =>
    [
        .. page.GetProperty("events").EnumerateArray().Select(e => (
            e.GetProperty("event").GetString()!,
            e.GetProperty("sessionId").GetString()!,
            (int)(e.GetProperty("ts").GetDateTimeOffset() - _base).TotalSeconds)),
    ];

    private static List<string> Users(JsonElement answer) =>
        [.. answer.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userId").GetString()!)];

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
