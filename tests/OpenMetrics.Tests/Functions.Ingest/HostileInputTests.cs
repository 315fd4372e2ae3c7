using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>
/// Hostile input through the real pipeline: a v1 route of the local host, the ingest queue, then the aggregation's own
/// processor against Azurite. Every call gets a 4xx or <c>ok</c>, never a 500, and every message an <c>ok</c> put on
/// the queue is processed without an exception (one that threw would be retried into the poison queue).
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class HostileInputTests(LocalHostFixture host) : IAsyncLifetime
{
    public static TheoryData<string> Cases => [.. HostilePayloads.All.Keys];

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_call_gets_a_4xx_or_ok_and_what_is_ok_is_aggregated(string name)
    {
        var (route, body) = HostilePayloads.All[name];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Http.PostAsync(route, content);

        await AssertRefusedOrAggregatedAsync(response);
    }

    [Theory]
    [InlineData("/v1/events", """{"sessionId":"\ud800","events":[{"name":"a"}]}""", "sessionId is not valid Unicode (a lone surrogate or bytes that are not UTF-8)")]
    [InlineData("/v1/events", """{"sessionId":"s","events":[{"name":"\udfff"}]}""", "events[0].name is not valid Unicode (a lone surrogate or bytes that are not UTF-8)")]
    [InlineData("/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"\ud800":1}}]}""", "events[0].props has a key that is not valid Unicode (a lone surrogate or bytes that are not UTF-8)")]
    [InlineData("/v1/setUserProps", """{"sessionId":"s","props":{"plan":"\ud800"}}""", "props.plan is not valid Unicode (a lone surrogate or bytes that are not UTF-8)")]
    [InlineData("/v1/setUserId", """{"sessionId":"s","userId":"\udc00"}""", "userId is not valid Unicode (a lone surrogate or bytes that are not UTF-8)")]
    public async Task Text_that_is_not_unicode_is_a_400_naming_the_field(string route, string json, string reason)
    {
        using var response = await host.Http.PostAsync(route, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal((400, reason), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_inside_a_string_are_a_400_naming_the_field()
    {
        var content = new ByteArrayContent([.. """{"sessionId":"s","events":[{"name":"a"""u8, 0xFF, 0xFE, .. "\"}]}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Http.PostAsync("/v1/events", content);

        Assert.Equal((400, "events[0].name is not valid Unicode (a lone surrogate or bytes that are not UTF-8)"), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task One_event_with_a_lone_surrogate_is_refused_and_the_rest_of_the_batch_is_aggregated()
    {
        const string json = """{"sessionId":"s","events":[{"name":"good"},{"name":"a","props":{"k":"\ud800"}}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(
            """{"accepted":1,"rejected":[{"index":1,"error":"events[1].props.k is not valid Unicode (a lone surrogate or bytes that are not UTF-8)","field":"events[1].props.k"}]}""",
            await response.Content.ReadAsStringAsync());
        await AssertAggregatedAsync();
    }

    [Fact]
    public async Task A_get_call_with_a_lone_surrogate_in_q_is_a_400()
    {
        var answer = await RawHttp.GetAsync(host.Port, """/v1/events?q={"sessionId":"s","events":[{"name":"\ud800"}]}""");

        Assert.Equal((400, "events[0].name is not valid Unicode (a lone surrogate or bytes that are not UTF-8)"), answer);
    }

    [Fact]
    public async Task Props_that_escaping_would_grow_past_a_table_entity_are_refused_as_stored()
    {
        var (route, body) = HostilePayloads.All["20 props of emoji that the encoder escapes"];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Http.PostAsync(route, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("events[0].props is ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.EndsWith(" bytes of JSON as stored; the limit is 400000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Props_that_escaping_grows_past_an_entity_are_refused_at_ingest_instead_of_poisoning_later()
    {
        var (route, body) = HostilePayloads.All["45 props of HTML-escaped characters"];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Http.PostAsync(route, content);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"^events\[0\]\.props is \d+ bytes of JSON as stored; the limit is 400000$", reason);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task Props_just_under_the_limit_are_accepted_and_aggregated()
    {
        var (route, body) = HostilePayloads.All["45 props of 8,000 plain characters"];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Http.PostAsync(route, content);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        await AssertAggregatedAsync();
    }

    [Fact]
    public async Task An_oversize_header_is_a_4xx()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StringContent("""{"sessionId":"s","events":[{"name":"a"}]}""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Filler", new string('h', 64 * 1024));

        using var response = await host.Http.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task A_body_sent_one_byte_a_chunk_is_read_whole()
    {
        var json = Encoding.UTF8.GetBytes("""{"sessionId":"slow","events":[{"name":"a"},{"name":"b"}]}""");
        var content = new StreamContent(new OneByteStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Http.PostAsync("/v1/events", content);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        await AssertAggregatedAsync();
    }

    private async Task AssertRefusedOrAggregatedAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500 || (status == 200 && text == "ok"), $"{status}: {text}");
        if (status >= 400)
        {
            Assert.Empty(await host.ReadIngestQueueAsync());
            return;
        }

        await AssertAggregatedAsync();
    }

    /// <summary>Drains the queue through the aggregation's processor: a message that throws here is one that would end in poison.</summary>
    private async Task AssertAggregatedAsync()
    {
        var bodies = await host.TakeIngestQueueAsync();
        Assert.NotEmpty(bodies);
        using var aggregation = new AggregationHarness(host.Azurite.ConnectionString);
        await aggregation.ProcessAllAsync(bodies);
    }

    /// <summary>A request body that hands over one byte per read, as a slow client's packets arrive.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override bool CanSeek => false;
    }
}
