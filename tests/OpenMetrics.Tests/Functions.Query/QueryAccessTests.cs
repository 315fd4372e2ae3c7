using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Functions;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Query;

/// <summary>docs/query.md, "Access": every /api/* call needs the key; the v1 routes never do.</summary>
[Collection(QueryCollection.Name)]
public sealed class QueryAccessTests(QueryHostFixture host)
{
    public static TheoryData<string, string> EveryApiRoute()
    {
        var routes = new TheoryData<string, string>();
        foreach (var function in FunctionCatalog.Http.Where(f => f.App == FunctionApp.Query && f.Route.StartsWith("api/", StringComparison.Ordinal)))
        {
            routes.Add(function.Methods[0], "/" + function.Route.Replace("{id}", "some-id", StringComparison.Ordinal));
        }

        return routes;
    }

    [Theory]
    [MemberData(nameof(EveryApiRoute))]
    public async Task Every_api_route_answers_401_without_the_key(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("query key", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("test-query-ke")]
    [InlineData("test-query-key-and-more")]
    [InlineData("TEST-QUERY-KEY")]
    public async Task A_wrong_key_is_401(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/segments");
        request.Headers.Add("x-openmetrics-key", key);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_key_works_as_a_header_and_as_a_bearer_token()
    {
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, "/api/segments");
        byHeader.Headers.Add("x-openmetrics-key", LocalHostFixture.QueryKey);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/segments");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LocalHostFixture.QueryKey);

        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(byHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(bearer)).StatusCode);
    }

    [Fact]
    public async Task The_v1_routes_need_no_key()
    {
        using var response = await host.Http.GetAsync("/v1/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
