using System.Net;
using OpenMetrics.Apps.Dashboard;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.LocalHost;

[Collection(StorageCollection.Name)]
public sealed class LocalHostTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_dashboard_is_served_at_the_root_with_a_strict_content_security_policy()
    {
        using var response = await host.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>OpenMetrics</title>", await response.Content.ReadAsStringAsync());
        Assert.Equal(DashboardFiles.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_dashboards_own_routes_survive_a_reload_but_missing_assets_are_404()
    {
        using var page = await host.Http.GetAsync("/insights");
        using var asset = await host.Http.GetAsync("/missing.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }

    [Fact]
    public async Task A_path_that_tries_to_leave_the_dashboard_folder_is_not_served()
    {
        var (status, body) = await RawHttp.GetAsync(host.Port, "/..%2F..%2FLocalHost.dll");

        Assert.Equal(404, status);
        Assert.Equal("not found", body);
    }

    [Fact]
    public async Task A_v1_route_answers_only_its_methods()
    {
        using var response = await host.Http.PutAsync("/v1/events", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
