using System.Net;
using System.Text;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>Every bad-input case of docs/api-v1.md: a 4xx with a one-line reason, never a 500, and nothing enqueued.</summary>
[Collection(StorageCollection.Name)]
public sealed class BadInputTests(LocalHostFixture host) : IAsyncLifetime
{
    private static readonly string LongId = new('s', 256);

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, int, string> PostCases => new()
    {
        { "/v1/events", "{oops", 400, "body is not valid JSON" },
        { "/v1/events", "[1,2]", 400, "body must be a JSON object, not an array" },
        { "/v1/events", "", 400, "the body is empty: send the JSON payload" },
        { "/v1/events", """{"events":[{"name":"a"}]}""", 400, "sessionId is missing" },
        { "/v1/events", """{"sessionId":"","events":[{"name":"a"}]}""", 400, "sessionId is empty" },
        { "/v1/events", """{"sessionId":42,"events":[{"name":"a"}]}""", 400, "sessionId must be a string, not a number" },
        { "/v1/events", $$$"""{"sessionId":"{{{LongId}}}","events":[{"name":"a"}]}""", 400, "sessionId is 256 characters long; the limit is 255" },
        { "/v1/events", """{"sessionId":"s"}""", 400, "events is missing" },
        { "/v1/events", """{"sessionId":"s","events":{"name":"a"}}""", 400, "events must be an array, not an object" },
        { "/v1/events", """{"sessionId":"s","events":[]}""", 400, "events is empty" },
        { "/v1/events", TooManyEvents(), 400, "events has 2001 items; the limit is 2000 a call" },
        { "/v1/events", """{"sessionId":"s","events":[7]}""", 400, "events[0] must be a JSON object, not a number" },
        { "/v1/events", """{"sessionId":"s","events":[{"props":{}}]}""", 400, "events[0].name is missing" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":5}]}""", 400, "events[0].name must be a string, not a number" },
        { "/v1/events", $$$"""{"sessionId":"s","events":[{"name":"{{{new string('n', 256)}}}"}]}""", 400, "events[0].name is 256 characters long; the limit is 255" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","ts":"soon"}]}""", 400, "events[0].ts is not a unix time or an ISO-8601 date: \"soon\"" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","ts":1e400}]}""", 400, "events[0].ts is not a finite number" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","ts":1e300}]}""", 400, "events[0].ts is outside the representable date range" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","ts":946684799}]}""", 400, "events[0].ts is before 2000-01-01" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","ts":true}]}""", 400, "events[0].ts must be a unix time or an ISO-8601 string, not a boolean" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":[1]}]}""", 400, "events[0].props must be a JSON object, not an array" },
        { "/v1/events", TooManyKeys(), 400, "events[0].props has more than 255 keys" },
        { "/v1/events", $$$"""{"sessionId":"s","events":[{"name":"a","props":{"{{{new string('k', 256)}}}":1}}]}""", 400, "events[0].props has a key of 256 characters; the limit is 255" },
        { "/v1/events", $$$"""{"sessionId":"s","events":[{"name":"a","props":{"k":"{{{new string('v', 8193)}}}"}}]}""", 400, "events[0].props.k is 8193 characters long; the limit is 8192" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"a":{"b":{"c":{}}}}}]}""", 400, "events[0].props.a.b.c nests deeper than 3 levels" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","id":7}]}""", 400, "events[0].id must be a string, not a number" },
        { "/v1/events", $$$"""{"sessionId":"s","events":[{"name":"a","id":"{{{new string('i', 129)}}}"}]}""", 400, "events[0].id is 129 characters long; the limit is 128" },
        { "/v1/events", """{"sessionId":"s","events":[{"name":"a","options":{"active":"no"}}]}""", 400, "events[0].options.active must be true or false" },
        { "/v1/events", """{"sessionId":"s","sentAt":"later","events":[{"name":"a"}]}""", 400, "sentAt is not a unix time or an ISO-8601 date: \"later\"" },
        { "/v1/createUser", """{"sessionId":"s","options":{"active":1}}""", 400, "options.active must be true or false" },
        { "/v1/setUserId", """{"sessionId":"s"}""", 400, "userId is missing (send it as userId or uid)" },
        { "/v1/setUserId", """{"sessionId":"s","uid":true}""", 400, "uid must be a string or a number, not a boolean" },
        { "/v1/setUserId", """{"sessionId":"s","userId":{"id":1}}""", 400, "userId must be a string or a number, not an object" },
        { "/v1/setUserId", """{"sessionId":"s","userId":""}""", 400, "userId is empty" },
        { "/v1/setUserProps", """{"sessionId":"s"}""", 400, "props is missing" },
        { "/v1/setUserProps", """{"sessionId":"s","props":"plan=pro"}""", 400, "props must be a JSON object, not a string" },
        { "/v1/setSessionProps", """{"sessionId":"s","props":{"a":{"b":{"c":[]}}}}""", 400, "props.a.b.c nests deeper than 3 levels" },
        { "/v1/events", TooLargeBody(), 413, "the body is larger than the limit of 1048576 bytes" },
    };

    [Theory]
    [MemberData(nameof(PostCases))]
    public async Task Post_is_refused_with_its_reason_and_nothing_is_enqueued(string route, string body, int status, string reason)
    {
        using var response = await host.Http.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal((status, reason), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Theory]
    [InlineData("/v1/events", 400, "q is missing: send the JSON payload as ?q={...}")]
    [InlineData("/v1/events?q={oops", 400, "q is not valid JSON")]
    [InlineData("/v1/events?q=[1]", 400, "q must be a JSON object, not an array")]
    [InlineData("/v1/setUserId?q={\"sessionId\":\"s\"}", 400, "userId is missing (send it as userId or uid)")]
    public async Task Get_is_refused_with_its_reason_and_nothing_is_enqueued(string pathAndQuery, int status, string reason)
    {
        var answer = await RawHttp.GetAsync(host.Port, pathAndQuery);

        Assert.Equal((status, reason), answer);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task A_query_string_over_32_KiB_is_413()
    {
        var json = $$$"""{"sessionId":"s","events":[{"name":"a","props":{"t":"{{{new string('x', 33 * 1024)}}}"}}]}""";

        var (status, reason) = await RawHttp.GetAsync(host.Port, "/v1/events?q=" + json);

        Assert.Equal(413, status);
        Assert.StartsWith("the query string is ", reason, StringComparison.Ordinal);
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    public async Task Post_with_another_content_type_is_415(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"sessionId":"s","events":[{"name":"a"}]}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await host.Http.PostAsync("/v1/events", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal($"Content-Type {contentType} is not accepted: send application/json or text/plain", await response.Content.ReadAsStringAsync());
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    [Fact]
    public async Task A_json_client_gets_the_error_and_the_field_as_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
        {
            Content = new StringContent("""{"sessionId":"s","events":"many"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("""{"error":"events must be an array, not a string","field":"events"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reason_quoting_a_key_with_line_breaks_stays_one_line()
    {
        var key = "bad\r\nkey" + new string('k', 300);
        var body = JsonSerializer.Serialize(new { sessionId = "s", props = new Dictionary<string, string> { [key] = "v" } });

        using var response = await host.Http.PostAsync("/v1/setUserProps", new StringContent(body, Encoding.UTF8, "application/json"));

        var reason = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain('\n', reason);
        Assert.DoesNotContain('\r', reason);
        Assert.StartsWith("props has a key of 308 characters", reason, StringComparison.Ordinal);
    }

    private static string TooManyEvents() =>
        JsonSerializer.Serialize(new { sessionId = "s", events = Enumerable.Range(0, 2001).Select(_ => new { name = "a" }) });

    private static string TooManyKeys() =>
        JsonSerializer.Serialize(new { sessionId = "s", events = new[] { new { name = "a", props = Enumerable.Range(0, 256).ToDictionary(i => $"k{i}", i => i) } } });

    private static string TooLargeBody() =>
        JsonSerializer.Serialize(new { sessionId = "s", events = Enumerable.Range(0, 200).Select(_ => new { name = "a", props = new { t = new string('x', 6000) } }) });
}
