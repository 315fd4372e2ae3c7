using Microsoft.Playwright;
using OpenMetrics.Tests.Core.Imports;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Import: a small Mixpanel file chosen in the page, uploaded, and followed to done; the figures shown are the API's.
/// No poller runs here: the test processes the chunks, then runs the page's clock on by one poll.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class ImportViewTests(QueryHostFixture host, ChromiumFixture chromium)
{
    /// <summary>The page's poll period (dashboard/src/views/imports.js, POLL_MS).</summary>
    private const int PollMilliseconds = 1000;

    [Fact]
    public async Task A_file_imported_through_the_page_shows_the_apis_figures_and_its_refused_line()
    {
        var run = Guid.NewGuid().ToString("N")[..8];

        // Lines 1 and 3 are events of 2025-02-15 10:00 and 11:00; line 2 has no event name and is refused.
        var file = ImportsApi.Lines(
            $$$"""{"event":"pg-{{{run}}}","properties":{"time":1739613600,"distinct_id":"pg-ann-{{{run}}}","$insert_id":"p1"}}""",
            $$$"""{"properties":{"time":1739613600,"distinct_id":"pg-ann-{{{run}}}"}}""",
            $$$"""{"event":"pg-{{{run}}}","properties":{"time":1739617200,"distinct_id":"pg-ben-{{{run}}}","$insert_id":"p3"}}""");
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        await context.Clock.InstallAsync();
        var page = await DashboardBrowser.OpenAsync(context, host, "/import");
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "mixpanel.ndjson", MimeType = "application/x-ndjson", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });
        await page.Locator("#import-format").SelectOptionAsync("mixpanel");
        await page.Locator("#import-start").ClickAsync();
        await page.Locator("#import-state[data-value='queued']").WaitForAsync();

        await host.ProcessImportsAsync();
        await page.Clock.RunForAsync(PollMilliseconds);
        await page.Locator("#import-state[data-value='done']").WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-import");

        var newest = (await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/imports")).GetProperty("imports")[0];
        var api = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/imports/{newest.GetProperty("id").GetString()}");
        Assert.Equal(3, api.GetProperty("rowsRead").GetInt64());
        Assert.Equal(api.GetProperty("rowsRead").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#import-rows").GetAttributeAsync("data-value"));
        Assert.Equal(api.GetProperty("eventsAccepted").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#import-events").GetAttributeAsync("data-value"));
        Assert.Equal(api.GetProperty("rowsRefused").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#import-refused-count").GetAttributeAsync("data-value"));
        Assert.Equal("2", await page.Locator("#import-refused li").First.GetAttributeAsync("data-line"));
        await page.Locator("#imports-list table").WaitForAsync();
    }
}
