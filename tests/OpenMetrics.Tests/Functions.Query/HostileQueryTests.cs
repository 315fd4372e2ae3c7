using System.Net.Http.Headers;
using System.Text;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Query;

/// <summary>
/// Hostile calls on every /api route (bodies, query strings, route ids, saved items): each is answered below 500.
/// The request line is sent raw, so that bytes HttpClient would re-encode reach the server as written.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class HostileQueryTests(LocalHostFixture host)
{
    private const string NotUnicode = "is not valid Unicode (a lone surrogate or bytes that are not UTF-8)";

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "POST", "/api/query/trends", """{"series":[{"event":"\ud800"}],"from":"2026-01-01","to":"2026-01-02"}""" },
        { "POST", "/api/query/trends", """{"series":[{"event":"a","filters":[{"prop":"\udfff","op":"eq","value":"x"}]}]}""" },
        { "POST", "/api/query/trends", """{"series":"all"}""" },
        { "POST", "/api/query/trends", """{"series":[{"event":"a"}],"from":1e400,"to":-1e400,"interval":NaN}""" },
        { "POST", "/api/query/trends", """{"series":[{"event":"a"}],"series":[{"event":"b"}]}""" },
        { "POST", "/api/query/trends", new string('[', 5000) },
        { "POST", "/api/query/funnel", """{"steps":[{"event":"\udfff"},{"event":"b"}]}""" },
        { "POST", "/api/query/funnel", """{"steps":[{"event":"a"},{"event":"b"}],"window":{"value":1e308,"unit":"day"}}""" },
        { "POST", "/api/query/funnel/dropoff", """{"steps":[{"event":"a"}],"step":-1}""" },
        { "POST", "/api/query/retention", """{"start":{"event":"\ud800"},"return":{"event":"b"}}""" },
        { "POST", "/api/query/retention", """{"start":{"event":"a"},"return":{"event":"b"},"periods":99999999999999999999}""" },
        { "POST", "/api/segments", """{"name":"\ud800","filters":[]}""" },
        { "POST", "/api/segments", """{"name":"a","name":"b"}""" },
        { "POST", "/api/funnels", """{"name":"f","steps":[{"event":"a","k":1,"k":2}]}""" },
        { "POST", "/api/retentions", """{"name":"r","\udfff":1}""" },
        { "POST", "/api/metrics", """{"name":["m"]}""" },
        { "POST", "/api/dashboards", """{"name":"d","tiles":[{"x":"\u0000/\\#?"}]}""" },
        { "PUT", "/api/dashboards/a%2Fb", """{"name":"d"}""" },
        { "PUT", "/api/segments/x", "[]" },
        { "PUT", "/api/metrics/x", "" },
    };

    public static TheoryData<string> Gets => new()
    {
        "/api/users?search=%ED%A0%80&limit=1e400",
        "/api/users?search=%FF%FE&anonymous=maybe",
        "/api/users?limit=-1",
        "/api/users/%ED%A0%80",
        "/api/users/%FF%FE/events",
        "/api/users/%00%2F%5C%23%3F/events?before=%FF&limit=99999999999",
        "/api/users/%/events",
        "/api/live?event=%ED%A0%80&limit=NaN",
        "/api/catalog?event=%FF",
        "/api/settings?x=%ED%A0%80",
        "/api/openapi.json?%FF=%FE",
        "/api/query/funnel/dropoff?q=%ED%A0%80",
        "/api/segments/%ED%A0%80",
        "/api/funnels/..%2F..%2Fx",
        "/api/dashboards?%00=%00",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_body_is_answered_below_500(string method, string route, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await host.Api.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task A_hostile_query_string_or_id_is_answered_below_500(string pathAndQuery)
    {
        var (status, body) = await RawHttp.GetAsync(host.Port, pathAndQuery, ("x-openmetrics-key", LocalHostFixture.QueryKey));

        Assert.True(status < 500, $"{status}: {body}");
    }

    [Theory]
    [InlineData("/api/query/trends", """{"series":[{"event":"\ud800"}]}""", "series[0].event")]
    [InlineData("/api/segments", """{"name":"s","filters":[{"prop":"\udfff"}]}""", "filters[0].prop")]
    public async Task A_lone_surrogate_in_a_body_is_a_400_naming_the_field(string route, string body, string field)
    {
        using var response = await host.Api.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(
            $$"""{"error":"{{field}} {{NotUnicode}}","field":"{{field}}"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_a_saved_item_are_a_400_naming_the_field()
    {
        var content = new ByteArrayContent([.. """{"name":"a"""u8, 0xFF, 0xFE, .. "\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Api.PostAsync("/api/segments", content);

        Assert.Equal($$"""{"error":"name {{NotUnicode}}","field":"name"}""", await response.Content.ReadAsStringAsync());
    }
}
