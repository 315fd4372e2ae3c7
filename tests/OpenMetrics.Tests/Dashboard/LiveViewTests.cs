using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Live (issue #7): the page refreshes by itself and shows an event logged while it is open at its next refresh. The
/// page's clock is Playwright's: the test runs it on by one refresh period instead of waiting for it.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class LiveViewTests(QueryHostFixture host, ChromiumFixture chromium)
{
    /// <summary>The page's refresh period (dashboard/src/views/live.js, REFRESH_MS).</summary>
    private const int RefreshMilliseconds = 3000;

    [Fact]
    public async Task An_event_logged_while_the_page_is_open_shows_at_its_next_refresh()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        await context.Clock.InstallAsync();
        var page = await DashboardBrowser.OpenAsync(context, host, "/live");
        await page.Locator("#active-users").WaitForAsync();
        var name = "live-" + Guid.NewGuid().ToString("N")[..8];
        var shown = page.Locator($"#latest-events li[data-event='{name}']");

        await host.PostOkAsync("/v1/events", $$"""{"sessionId":"live-page","events":[{"name":"{{name}}"}]}""");
        await host.ProcessIngestAsync();
        await page.Clock.RunForAsync(RefreshMilliseconds);
        await shown.WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-live");

        Assert.Equal("$anon:live-page", await page.Locator($"#latest-events li[data-event='{name}'] a.user").TextContentAsync());
    }

    [Fact]
    public async Task The_figures_are_the_apis()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/live");
        await page.Locator("#events-hour").WaitForAsync();

        var shown = long.Parse((await page.Locator("#events-hour").GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        var live = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/live");
        var perMinute = live.GetProperty("perMinute").EnumerateArray().Sum(point => point.GetProperty("v").GetInt64());

        // The page and this call read the same minute rows a moment apart; nothing else logs in this collection meanwhile.
        Assert.Equal(perMinute, shown);
        Assert.Equal(live.GetProperty("activeUsers5m").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#active-users").GetAttributeAsync("data-value"));
    }
}
