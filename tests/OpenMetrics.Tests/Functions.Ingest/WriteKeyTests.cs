using System.Net;
using System.Text;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>
/// The project write key through the real v1 routes of a local host that requires it (two keys valid at once, as
/// during a rotation), checked by what lands on the real (Azurite) ingest queue.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class WriteKeyTests(LocalHostFixture host) : IAsyncLifetime
{
    private const string Current = "current-write-key-7f3a9c";
    private const string Previous = "previous-write-key-21be04";
    private const string Events = """{"sessionId":"keyed","events":[{"name":"signup"}]}""";

    private SecondHost _keyed = null!;

    public async Task InitializeAsync()
    {
        await host.ClearIngestQueueAsync();
        _keyed = await SecondHost.RequiringWriteKeysAsync(host.Azurite.ConnectionString, Current, Previous);
    }

    public async Task DisposeAsync() => await _keyed.DisposeAsync();

    [Fact]
    public async Task A_call_without_the_key_is_refused_with_401_naming_the_key_and_nothing_is_enqueued()
    {
        using var post = await PostAsync("/v1/events", Events, json: true);
        var (getStatus, getBody) = await RawHttp.GetAsync(_keyed.Port, """/v1/events?q={"sessionId":"keyed","events":[{"name":"pixel"}]}""");
        var (userStatus, _) = await RawHttp.GetAsync(_keyed.Port, """/v1/setUserId?q={"uid":"u1","sessionId":"keyed"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        using var answer = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        Assert.Equal("key", answer.RootElement.GetProperty("field").GetString());
        Assert.Contains("write key is missing", answer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("*", post.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal((401, 401), (getStatus, userStatus));
        Assert.Contains("write key", getBody, StringComparison.Ordinal);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task A_wrong_key_in_the_header_the_query_string_or_the_payload_is_refused_and_nothing_is_enqueued()
    {
        using var header = await PostAsync("/v1/events", Events, headerKey: Current + "x");
        using var inPayload = await PostAsync("/v1/events", """{"sessionId":"keyed","key":"nope","events":[{"name":"signup"}]}""");
        var (query, body) = await RawHttp.GetAsync(_keyed.Port, """/v1/events?key=nope&q={"sessionId":"keyed","events":[{"name":"pixel"}]}""");
        var (prefix, _) = await RawHttp.GetAsync(_keyed.Port, """/v1/createUser?key=current&q={"sessionId":"keyed"}""");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (header.StatusCode, inPayload.StatusCode));
        Assert.Equal((401, 401), (query, prefix));
        Assert.Contains("write key is not valid", body, StringComparison.Ordinal);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Theory]
    [InlineData(Current)]
    [InlineData(Previous)]
    public async Task Either_key_of_a_rotation_is_accepted_in_each_place_a_client_may_send_it(string key)
    {
        using var header = await PostAsync("/v1/events", Events, headerKey: key);
        using var inPayload = await PostAsync("/v1/setUserProps", $$$"""{"sessionId":"keyed","key":"{{{key}}}","props":{"plan":"pro"}}""");
        // The pixel form: unencoded JSON in q, the key before it or after it (a & inside q still lands whole).
        var (before, _) = await RawHttp.GetAsync(_keyed.Port, $$"""/v1/events?key={{key}}&q={"sessionId":"keyed","events":[{"name":"a&b"}]}""");
        var (after, _) = await RawHttp.GetAsync(_keyed.Port, $$"""/v1/setUserId?q={"uid":"u1","sessionId":"keyed"}&key={{key}}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (header.StatusCode, inPayload.StatusCode));
        Assert.Equal((200, 200), (before, after));
        var messages = await host.ReadIngestQueueAsync();
        Assert.Equal(4, messages.Count);
        Assert.Contains(messages, message => message.Events?.SingleOrDefault()?.Name == "a&b");
        Assert.Contains(messages, message => message.UserId == "u1");
    }

    [Fact]
    public async Task Ping_and_preflight_need_no_key()
    {
        using var ping = await _keyed.Http.GetAsync("/v1/ping");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/events");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, x-openmetrics-write-key");
        using var answer = await _keyed.Http.SendAsync(preflight);

        Assert.Equal((HttpStatusCode.OK, "pong"), (ping.StatusCode, await ping.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("x-openmetrics-write-key", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_the_original_clients_are_unchanged_and_a_key_they_may_send_is_ignored()
    {
        var (original, body) = await RawHttp.GetAsync(host.Port, """/v1/events?q={"events":[{"name":"login"}],"sessionId":"abc"}""");
        var (withKey, _) = await RawHttp.GetAsync(host.Port, """/v1/events?key=anything&q={"events":[{"name":"login"}],"sessionId":"abc","key":"x"}""");

        Assert.Equal((200, "ok"), (original, body));
        Assert.Equal(200, withKey);
        Assert.Equal(2, (await host.ReadIngestQueueAsync()).Count);
    }

    [Fact]
    public async Task A_key_that_is_still_an_unresolved_Key_Vault_reference_answers_503_and_is_never_accepted()
    {
        const string literal = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/openmetrics-write-key/)";
        await using var unresolved = await SecondHost.RequiringWriteKeysAsync(host.Azurite.ConnectionString, literal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StringContent(Events, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-openmetrics-write-key", literal);

        using var presented = await unresolved.Http.SendAsync(request);
        using var none = await unresolved.Http.PostAsync("/v1/events", new StringContent(Events, Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (presented.StatusCode, none.StatusCode));
        Assert.True(presented.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string route, string payload, string? headerKey = null, bool json = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        if (headerKey is not null)
        {
            request.Headers.Add("x-openmetrics-write-key", headerKey);
        }

        return await _keyed.Http.SendAsync(request);
    }
}
