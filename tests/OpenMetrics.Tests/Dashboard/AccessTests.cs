using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>docs/query.md, "Access": the dashboard keeps the key from the printed link for the browser session and removes it from the address bar.</summary>
[Collection(QueryCollection.Name)]
public sealed class AccessTests(QueryHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task The_key_leaves_the_address_bar_and_a_reload_still_works()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/live");
        await page.Locator("#active-users").WaitForAsync();

        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await page.Locator("#active-users").WaitForAsync();
    }

    [Fact]
    public async Task Without_the_key_the_page_asks_for_it_and_a_wrong_one_is_explained()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/live").ToString());

        await page.Locator("#key").FillAsync("not-the-key");
        await page.Locator("button[type=submit]").ClickAsync();
        var error = await page.Locator(".error").First.TextContentAsync();

        Assert.Contains("needs the query key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_server_offers_sign_in_the_key_form_links_to_it_and_back()
    {
        // The local host never offers sign-in; this is the 401 the query app answers in Azure with sign-in on
        // (QueryAccessTests holds the app to it), put in front of the local host's own answer.
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/api/settings", route => route.FulfillAsync(new()
        {
            Status = 401,
            ContentType = "application/json",
            Body = """{"error":"Sign in, or send the query key in the header x-openmetrics-key.","field":null,"signIn":"/.auth/login/aad"}""",
        }));
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/live").ToString());

        var href = await page.Locator("#sign-in").GetAttributeAsync("href");

        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Flive", href);
        Assert.True(await page.Locator("#key").IsVisibleAsync());
    }
}
