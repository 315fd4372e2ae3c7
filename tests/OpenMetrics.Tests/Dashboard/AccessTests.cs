using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>QUERY.md, "Access": the dashboard keeps the key from the printed link for the browser session and removes it from the address bar.</summary>
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
}
