using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OpenMetrics.Tests.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Custom metrics in the dashboard (issue 16): the Metrics page and a KPI tile show the number the value API gives,
/// and "Save as metric" on an insight saves its query without dates.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class MetricsViewTests(QueryHostFixture host, ChromiumFixture chromium)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_metrics_page_and_a_kpi_tile_show_the_apis_value()
    {
        await TrendsData.EnsureAsync(host);
        var id = "buys-" + _suffix;
        var title = "Purchases " + _suffix;

        // The view spans the last 1000 days by month, which holds TrendsData's three tbuy events (November 2025).
        await DashboardBrowser.ApiAsync(host, HttpMethod.Put, $"/api/metrics/{id}", $$$$"""
            {"title":"{{{{title}}}}","unit":"count","goal":{"value":2,"direction":"above"},"view":{"range":"1000d","interval":"month"},
             "definition":{"kind":"trend","query":{"series":[{"event":"{{{{TrendsData.Buy}}}}"}]}}}
            """);
        var api = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/metrics/{id}/value");
        var board = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/dashboards", $$"""
            {"name":"KPIs {{_suffix}}","tiles":[{"kind":"metric","title":"{{title}}","metricId":"{{id}}"}]}
            """);
        Assert.Equal(3, api.GetProperty("value").GetDouble());

        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/metrics");
        var card = page.GetByRole(AriaRole.Listitem, new() { Name = title });
        var shown = card.Locator(".kpi-value");
        await shown.WaitForAsync();
        Assert.Equal(api.GetProperty("value").GetDouble(), ValueOf(await shown.GetAttributeAsync("data-value")));
        Assert.Equal("3", (await shown.TextContentAsync())?.Trim());
        await Assertions.Expect(card.GetByText("Goal: above 2")).ToBeVisibleAsync();

        var tiles = await DashboardBrowser.OpenAsync(context, host, $"/dashboards/{board.GetProperty("id").GetString()}");
        var tileValue = tiles.Locator(".tile .kpi-value");
        await tileValue.WaitForAsync();
        Assert.Equal(api.GetProperty("value").GetDouble(), ValueOf(await tileValue.GetAttributeAsync("data-value")));
    }

    [Fact]
    public async Task Save_as_metric_on_an_insight_saves_its_query_without_dates()
    {
        await TrendsData.EnsureAsync(host);
        var title = "Views " + _suffix;
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var state = InsightsPage.State("""[{"event":"tview"}]""", ""","measure":"count","interval":"day" """);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
        await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as metric" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Goal (optional)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save metric" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Saved as metric \"{title}\"" }).WaitForAsync();

        var metrics = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/metrics");
        var saved = metrics.GetProperty("metrics").EnumerateArray().Single(metric => metric.GetProperty("title").GetString() == title);
        var query = saved.GetProperty("definition").GetProperty("query");
        Assert.Equal("trend", saved.GetProperty("definition").GetProperty("kind").GetString());
        Assert.Equal("tview", query.GetProperty("series")[0].GetProperty("event").GetString());
        Assert.False(query.TryGetProperty("from", out _));
        Assert.False(query.TryGetProperty("range", out _));
        Assert.Equal(5, saved.GetProperty("goal").GetProperty("value").GetDouble());
        Assert.Equal("day", saved.GetProperty("view").GetProperty("interval").GetString());
    }

    private static double ValueOf(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);
}
