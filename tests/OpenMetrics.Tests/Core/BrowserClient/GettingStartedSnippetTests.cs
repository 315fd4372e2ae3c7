using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>The snippet the getting-started page (/start, and the home page until the first event) shows works when pasted, as shown, into a page of another site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GettingStartedSnippetTests(ChromiumFixture chromium, ClientHostFixture host, StaticSite site)
{
    [Fact]
    public async Task The_snippet_shown_at_the_root_logs_a_page_view_when_pasted_into_a_page()
    {
        await using var context = await chromium.NewContextAsync();
        var gettingStarted = await context.NewPageAsync();
        await gettingStarted.GotoAsync(new Uri(host.BaseAddress, $"/start?key={LocalHostFixture.QueryKey}").ToString());
        await gettingStarted.Locator("#status.up").WaitForAsync();
        var snippet = await gettingStarted.Locator("#snippet").TextContentAsync();
        await ChromiumFixture.ScreenshotAsync(gettingStarted, "getting-started");

        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Put("/pasted.html", $"<!doctype html><html><head><title>pasted</title>{snippet}</head><body>pasted</body></html>").ToString());
        await page.WaitForFunctionAsync("() => window.openMetrics");
        await page.EvaluateAsync("() => openMetrics.flush()");
        var sessionId = (await context.CookiesAsync([site.BaseAddress.ToString()])).Single(c => c.Name == "_metricId").Value;
        var stored = await host.WaitForSessionAsync(sessionId, 1);

        Assert.Contains("/apis/javascript/client.js", snippet);
        Assert.Equal(["page viewed"], stored.EventNames);
        Assert.Equal("/pasted.html", stored.Events[0].Props!.Value.GetProperty("path").GetString());
    }
}
