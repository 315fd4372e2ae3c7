using System.Net;
using System.Text;
using System.Text.Json;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>The six v1 routes through the local host, checked by what lands on the real (Azurite) ingest queue.</summary>
[Collection(StorageCollection.Name)]
public sealed class LoggingApiTests(LocalHostFixture host) : IAsyncLifetime
{
    private static readonly DateTimeOffset Nov24At16 = new(2025, 11, 24, 16, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Ping_answers_pong_and_enqueues_nothing(string method)
    {
        using var response = await host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/v1/ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task Original_client_events_call_with_unencoded_json_lands_whole()
    {
        var (status, body) = await RawHttp.GetAsync(host.Port,
            """/v1/events?q={"events":[{"name":"login","props":{"a":1},"ts":1764000000000}],"sessionId":"abc"}""");

        Assert.Equal((200, "ok"), (status, body));
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal(1, message.V);
        Assert.Equal(V1Call.Events, message.Kind);
        Assert.Equal("abc", message.SessionId);
        Assert.Equal((0, 1), (message.Part, message.Parts));
        var loggedEvent = Assert.Single(message.Events!);
        Assert.Equal("login", loggedEvent.Name);
        Assert.Equal(Nov24At16, loggedEvent.Ts);
        Assert.Equal("""{"a":1}""", loggedEvent.Props!.Value.GetRawText());
        Assert.True(loggedEvent.Active);
        Assert.Equal($"{message.CallId}:0", loggedEvent.Id);
    }

    [Fact]
    public async Task Original_client_setUserId_sends_uid()
    {
        var (status, _) = await RawHttp.GetAsync(host.Port, """/v1/setUserId?q={"uid":"u1","sessionId":"abc"}""");

        Assert.Equal(200, status);
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal((V1Call.SetUserId, "abc", "u1"), (message.Kind, message.SessionId, message.UserId));
    }

    [Theory]
    [InlineData("""/v1/events?q={"sessionId":"abc","events":[{"name":"click","props":{"label":"a&b"}}]}""")]
    [InlineData("""/v1/events?q={"sessionId":"abc","events":[{"name":"click","props":{"label":"a&b"}}]}&_=1764000000000""")]
    [InlineData("""/v1/events?_=1&q={"sessionId":"abc","events":[{"name":"click","props":{"label":"a&b"}}]}""")]
    public async Task Ampersand_inside_an_unencoded_value_still_lands_whole(string pathAndQuery)
    {
        var (status, _) = await RawHttp.GetAsync(host.Port, pathAndQuery);

        Assert.Equal(200, status);
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal("a&b", message.Events![0].Props!.Value.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Unencoded_plus_stays_a_plus_and_browser_escapes_are_decoded()
    {
        // A browser leaves the original client's braces alone but escapes the space and the quotes.
        var (status, _) = await RawHttp.GetAsync(host.Port,
            "/v1/events?q={%22sessionId%22:%22abc%22,%22events%22:[{%22name%22:%22c+d%22,%22props%22:{%22q%22:%22x%20y%22}}]}");

        Assert.Equal(200, status);
        var loggedEvent = Assert.Single(Assert.Single(await host.ReadIngestQueueAsync()).Events!);
        Assert.Equal("c+d", loggedEvent.Name);
        Assert.Equal("x y", loggedEvent.Props!.Value.GetProperty("q").GetString());
    }

    [Fact]
    public async Task Fully_encoded_q_is_decoded_with_plus_as_space()
    {
        var json = """{"sessionId":"abc","events":[{"name":"search","props":{"term":"red shoes","op":"a+b"}}]}""";
        using var response = await host.Http.GetAsync("/v1/events?q=" + WebUtility.UrlEncode(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var props = Assert.Single(await host.ReadIngestQueueAsync()).Events![0].Props!.Value;
        Assert.Equal(("red shoes", "a+b"), (props.GetProperty("term").GetString(), props.GetProperty("op").GetString()));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain;charset=UTF-8")]
    public async Task Post_events_with_json_or_beacon_content_type(string contentType)
    {
        var json = """{"sessionId":"s-post","events":[{"name":"a","ts":1764000000},{"name":"b","ts":"2025-11-24T17:00:00+01:00","options":{"active":false}}],"unknown":{"x":1}}""";

        using var response = await PostAsync("/v1/events", json, contentType);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var events = Assert.Single(await host.ReadIngestQueueAsync()).Events!;
        Assert.Equal(["a", "b"], events.Select(e => e.Name));
        Assert.Equal([Nov24At16, Nov24At16], events.Select(e => e.Ts));
        Assert.Equal([true, false], events.Select(e => e.Active));
        Assert.Equal([0, 1], events.Select(e => e.Seq));
    }

    [Fact]
    public async Task CreateUser_carries_options_active()
    {
        using var active = await PostAsync("/v1/createUser", """{"sessionId":"s1"}""");
        using var inactive = await PostAsync("/v1/createUser", """{"sessionId":"s2","options":{"active":false}}""");

        var messages = (await host.ReadIngestQueueAsync()).OrderBy(m => m.SessionId).ToList();
        Assert.Equal([(V1Call.CreateUser, "s1", (bool?)true), (V1Call.CreateUser, "s2", false)],
            messages.Select(m => (m.Kind, m.SessionId, m.Active)));
    }

    [Fact]
    public async Task SetUserId_accepts_userId_as_a_number()
    {
        using var response = await PostAsync("/v1/setUserId", """{"sessionId":"s1","userId":12345}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12345", Assert.Single(await host.ReadIngestQueueAsync()).UserId);
    }

    [Theory]
    [InlineData("/v1/setUserProps", V1Call.SetUserProps)]
    [InlineData("/v1/setSessionProps", V1Call.SetSessionProps)]
    public async Task Props_calls_carry_the_props_object(string route, V1Call kind)
    {
        using var response = await PostAsync(route, """{"sessionId":"s1","props":{"plan":"pro","seats":3,"tags":["a","b"]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal(kind, message.Kind);
        Assert.Equal("""{"plan":"pro","seats":3,"tags":["a","b"]}""", message.Props!.Value.GetRawText());
    }

    [Fact]
    public async Task Missing_ts_is_the_received_time()
    {
        var before = DateTimeOffset.UtcNow;
        using var response = await PostAsync("/v1/events", """{"sessionId":"s1","events":[{"name":"a"}]}""");
        var after = DateTimeOffset.UtcNow;

        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal(message.ReceivedAt, message.Events![0].Ts);
        Assert.InRange(message.ReceivedAt, before, after);
    }

    [Fact]
    public async Task A_clock_more_than_23_hours_ahead_is_stored_at_arrival_with_the_clients_value_kept()
    {
        var ahead = DateTimeOffset.UtcNow.AddHours(30).ToUnixTimeMilliseconds();
        var nearlyAhead = DateTimeOffset.UtcNow.AddHours(22).ToUnixTimeMilliseconds();

        using var response = await PostAsync("/v1/events",
            $$$"""{"sessionId":"s1","events":[{"name":"a","ts":{{{ahead}}},"props":{"k":"v"}},{"name":"b","ts":{{{nearlyAhead}}}}]}""");

        var message = Assert.Single(await host.ReadIngestQueueAsync());
        var (far, near) = (message.Events![0], message.Events[1]);
        Assert.Equal(message.ReceivedAt, far.Ts);
        Assert.Equal(ahead, far.Props!.Value.GetProperty("$clientTs").GetInt64());
        Assert.Equal("v", far.Props.Value.GetProperty("k").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(nearlyAhead), near.Ts);
    }

    [Fact]
    public async Task SentAt_shifts_every_ts_by_the_clients_clock_skew()
    {
        // The client's clock is exactly one hour fast: its sentAt is an hour after the server receives the call.
        var clientNow = DateTimeOffset.UtcNow.AddHours(1);
        var ts = clientNow.AddMinutes(-10).ToUnixTimeMilliseconds();

        using var response = await PostAsync("/v1/events",
            $$"""{"sessionId":"s1","sentAt":{{clientNow.ToUnixTimeMilliseconds()}},"events":[{"name":"a","ts":{{ts}}}]}""");

        var message = Assert.Single(await host.ReadIngestQueueAsync());
        var skew = message.ReceivedAt - clientNow;
        Assert.InRange(skew, TimeSpan.FromMinutes(-61), TimeSpan.FromMinutes(-59));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ts) + skew, message.Events![0].Ts, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Client_event_ids_are_kept_so_a_retry_can_count_once()
    {
        using var response = await PostAsync("/v1/events", """{"sessionId":"s1","events":[{"name":"a","id":"evt-1"},{"name":"b"}]}""");

        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal(["evt-1", $"{message.CallId}:1"], message.Events!.Select(e => e.Id));
    }

    [Fact]
    public async Task Forbidden_table_key_characters_and_control_characters_are_stored_faithfully()
    {
        const string awkward = "a/b\\c#d?e\u0001\u007f\tf ü 🎉";
        var json = JsonSerializer.Serialize(new { sessionId = awkward, events = new[] { new { name = awkward } } });

        using var response = await PostAsync("/v1/events", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal((awkward, awkward), (message.SessionId, message.Events![0].Name));
    }

    [Fact]
    public async Task Json_client_is_told_which_events_were_refused_and_the_good_ones_are_kept()
    {
        var json = """{"sessionId":"s1","events":[{"name":"good"},{"props":{}},{"name":"also good","ts":"yesterday"}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, answer.RootElement.GetProperty("accepted").GetInt32());
        var rejected = answer.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(["events[1].name", "events[2].ts"], rejected.Select(r => r.GetProperty("field").GetString()));
        Assert.Equal(["good"], Assert.Single(await host.ReadIngestQueueAsync()).Events!.Select(e => e.Name));
    }

    [Fact]
    public async Task Plain_client_gets_ok_for_a_partly_refused_batch_and_operators_see_the_refusals()
    {
        var sessionId = $"s-{Guid.NewGuid():N}";
        using var response = await PostAsync("/v1/events", $$"""{"sessionId":"{{sessionId}}","events":[{"name":"good"},{"name":""}]}""");

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var rejections = host.Storage.Tables().GetTableClient("IngestRejections")
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.GetString("SessionId") == sessionId);
        var recorded = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var entity in rejections)
        {
            recorded.Add(entity);
        }

        var rejection = Assert.Single(recorded);
        Assert.Equal(("events[1].name", "events[1].name is empty", 1), (rejection.GetString("Field"), rejection.GetString("Error"), rejection.GetInt32("Index")));
    }

    [Theory]
    [InlineData("/v1/ping")]
    [InlineData("/v1/createUser")]
    [InlineData("/v1/events")]
    [InlineData("/v1/setUserId")]
    [InlineData("/v1/setUserProps")]
    [InlineData("/v1/setSessionProps")]
    public async Task Every_route_answers_the_cors_preflight(string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, route);
        request.Headers.Add("Origin", "https://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    private Task<HttpResponseMessage> PostAsync(string route, string json, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return host.Http.PostAsync(route, content);
    }
}
