using System.Text.Json;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Dashboards (issue #7): an insight saved as a tile into a new dashboard shows, on the dashboard's own address in a
/// fresh page, the total the API gives for the tile's saved query; tiles moved with the keyboard stay moved after a reload.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class DashboardsViewTests(QueryHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task An_insight_saved_to_a_new_dashboard_shows_the_apis_total()
    {
        await TrendsData.EnsureAsync(host);
        var name = "Board " + Guid.NewGuid().ToString("N")[..8];
        string id;
        await using (var context = await chromium.NewContextAsync(DashboardBrowser.Laptop))
        {
            var state = InsightsPage.State("""[{"event":"tview"}]""", ""","measure":"count","interval":"day" """);
            var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
            await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");

            await page.Locator("#save-to-dashboard").ClickAsync();
            await page.Locator("#tile-new-name").FillAsync(name);
            await page.Locator("#tile-title").FillAsync("Views in early November");
            await page.Locator("#tile-new-name").PressAsync("Enter");
            var link = page.Locator("a", new() { HasTextString = name });
            await link.WaitForAsync();
            id = Uri.UnescapeDataString((await link.GetAttributeAsync("href"))!["/dashboards/".Length..]);
        }

        var saved = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/dashboards/{Uri.EscapeDataString(id)}");
        Assert.Equal(name, saved.GetProperty("name").GetString());
        var tile = Assert.Single(saved.GetProperty("tiles").EnumerateArray());
        Assert.Equal("insight", tile.GetProperty("kind").GetString());
        Assert.Equal("Views in early November", tile.GetProperty("title").GetString());
        var answer = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/trends", tile.GetProperty("query").GetRawText());

        await using var fresh = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var board = await DashboardBrowser.OpenAsync(fresh, host, $"/dashboards/{Uri.EscapeDataString(id)}");
        var total = board.Locator(".tile .tile-total").First;
        await total.WaitForAsync();

        Assert.Equal(name, await board.Locator("h1").TextContentAsync());
        var shown = double.Parse((await total.GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(answer.GetProperty("series")[0].GetProperty("total").GetDouble(), shown);
        Assert.Equal(7, shown);
        // The tile links to the full view of the same query.
        var open = (await board.Locator(".tile .tile-link").First.GetAttributeAsync("href"))!;
        Assert.StartsWith("/insights?q=", open, StringComparison.Ordinal);
        Assert.Contains("tview", Uri.UnescapeDataString(open), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_funnel_saved_from_its_view_shows_the_apis_steps_on_the_dashboard()
    {
        await FunnelData.EnsureAsync(host);
        var name = "Funnels " + Guid.NewGuid().ToString("N")[..8];
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.WithQuery("/funnels", FunnelData.Query()));
        await page.Locator("#funnel-table tbody tr").First.WaitForAsync();

        await page.Locator("button.save-tile").ClickAsync();
        await page.Locator("#tile-new-name").FillAsync(name);
        await page.Locator("#tile-new-name").PressAsync("Enter");
        await page.Locator("button.save-tile", new() { HasTextString = $"Saved to {name}" }).WaitForAsync();
        var boards = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/dashboards");
        var id = boards.GetProperty("dashboards").EnumerateArray().Single(board => board.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

        var board = await DashboardBrowser.OpenAsync(context, host, $"/dashboards/{Uri.EscapeDataString(id)}");
        await board.Locator(".tile tbody tr").First.WaitForAsync();
        var shown = await DashboardBrowser.TableNumbersAsync(board, ".tile");
        var steps = (await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/funnel", FunnelData.Query())).GetProperty("steps");

        Assert.Equal([5.0, 4.0, 2.0], shown.Select(row => row[0]));
        Assert.Equal(ViewState.Numbers(steps, "users"), shown.Select(row => row[0]));
        Assert.StartsWith("/funnels?q=", await board.Locator(".tile .tile-link").First.GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_first_saved_dashboard_once_events_exist()
    {
        // The home page shows a dashboard once the catalog (the last 30 days) holds an event: log one now.
        await host.PostOkAsync("/v1/events", """{"sessionId":"home-page","events":[{"name":"home-visit"}]}""");
        await host.ProcessIngestAsync();
        await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/dashboards", """{"name":"A home candidate","tiles":[]}""");
        var first = (await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/dashboards")).GetProperty("dashboards")[0];

        // The catalog keeps no empty answer, so the first load after the event already knows it.
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/");
        await page.Locator("h1", new() { HasTextString = first.GetProperty("name").GetString()! }).WaitForAsync();

        Assert.Equal(0, await page.Locator("#snippet").CountAsync());
    }

    [Fact]
    public async Task Tiles_moved_with_the_keyboard_stay_in_their_new_order()
    {
        await TrendsData.EnsureAsync(host);
        var first = Tile("First: views", TrendsData.View);
        var second = Tile("Second: purchases", TrendsData.Buy);
        var created = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/dashboards",
            $$"""{"name":"Order {{Guid.NewGuid():N}}","tiles":[{{first}},{{second}}]}""");
        var id = created.GetProperty("id").GetString()!;

        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, $"/dashboards/{Uri.EscapeDataString(id)}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#tiles .tile-total').length === 2");
        Assert.Equal(["First: views", "Second: purchases"], await page.Locator("#tiles .tile h2").AllTextContentsAsync());

        await page.GetByLabel("Move \"Second: purchases\" up").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Status).Filter(new() { HasTextString = "Moved" }).WaitForAsync();
        Assert.Equal(["Second: purchases", "First: views"], await page.Locator("#tiles .tile h2").AllTextContentsAsync());

        var stored = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/dashboards/{Uri.EscapeDataString(id)}");
        Assert.Equal(["Second: purchases", "First: views"], stored.GetProperty("tiles").EnumerateArray().Select(tile => tile.GetProperty("title").GetString()));

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#tiles .tile-total').length === 2");
        Assert.Equal(["Second: purchases", "First: views"], await page.Locator("#tiles .tile h2").AllTextContentsAsync());
        Assert.Equal(
            ["3", "7"],
            await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#tiles .tile-total')].map(span => span.dataset.value)"));
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-dashboards");
    }

    [Fact]
    public async Task A_dashboard_is_created_and_renamed_from_the_list()
    {
        var name = "List " + Guid.NewGuid().ToString("N")[..8];
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Phone);
        var page = await DashboardBrowser.OpenAsync(context, host, "/dashboards");
        await page.Locator("#new-dashboard-name").FillAsync(name);
        await page.Locator("#new-dashboard-name").PressAsync("Enter");
        var link = page.Locator("#dashboard-list a", new() { HasTextString = name });
        await link.WaitForAsync();

        await page.GetByLabel($"Rename {name}").ClickAsync();
        await page.GetByLabel("Dashboard name").FillAsync(name + " renamed");
        await page.GetByLabel("Dashboard name").PressAsync("Enter");
        await page.Locator("#dashboard-list a", new() { HasTextString = name + " renamed" }).WaitForAsync();

        var href = (await page.Locator("#dashboard-list a", new() { HasTextString = name + " renamed" }).GetAttributeAsync("href"))!;
        var stored = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api" + href);
        Assert.Equal(name + " renamed", stored.GetProperty("name").GetString());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the list scrolls sideways at 390 px");
    }

    private static string Tile(string title, string eventName) =>
        JsonSerializer.Serialize(new
        {
            kind = "insight",
            title,
            query = new { series = new[] { new { @event = eventName } }, measure = "count", interval = "day", from = "2025-11-01", to = "2025-11-05", tz = "UTC" },
        });
}
