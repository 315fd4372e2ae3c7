using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>Issue #7, "Getting started": with no event yet, the home page shows the ingest URL and the snippets instead of empty charts.</summary>
public sealed class GettingStartedTests(GettingStartedTests.EmptyHost host) : IClassFixture<GettingStartedTests.EmptyHost>
{
    [Fact]
    public async Task The_home_page_of_an_empty_deployment_shows_the_snippets()
    {
        var chromium = host.Chromium;
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Phone);
        var page = await DashboardBrowser.OpenAsync(context, host, "/");
        await page.Locator("#snippet").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('status').className === 'up'");
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-getting-started-phone");

        var origin = host.Http.BaseAddress!.ToString().TrimEnd('/');
        Assert.Equal(origin, await page.Locator("#ingest-url").TextContentAsync());
        Assert.Contains($"{origin}/v1/events", await page.Locator("#curl").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains($"{origin}/apis/javascript/client.js", await page.Locator("#snippet").TextContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>A local host that never receives an event, with its own Chromium.</summary>
    public sealed class EmptyHost : LocalHostFixture, IAsyncLifetime
    {
        public ChromiumFixture Chromium { get; } = new();

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Chromium.InitializeAsync();
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await Chromium.DisposeAsync();
            await DisposeAsync();
        }
    }
}
