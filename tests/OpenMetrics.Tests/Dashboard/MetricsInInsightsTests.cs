using System.Globalization;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Imported metrics in the dashboard: points pushed through the API, the metric picked in Insights by its labels (the
/// catalog offers it next to the events), the table showing the API's numbers for the query the page shows, and the
/// insight saved as a dashboard tile showing the API's total.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class MetricsInInsightsTests(QueryHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_pushed_metric_picked_in_Insights_shows_the_apis_numbers_and_its_tile_the_apis_total()
    {
        var metric = "mrr-" + Guid.NewGuid().ToString("N")[..8];
        await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/metrics/points", $$$"""
            {"metric":"{{{metric}}}","points":[
              {"t":"2025-11-01T10:00:00Z","v":100,"dims":{"plan":"pro"}},
              {"t":"2025-11-01T10:00:00Z","v":20,"dims":{"plan":"free"}},
              {"t":"2025-11-02T09:00:00Z","v":130,"dims":{"plan":"pro"}},
              {"t":"2025-11-03T09:00:00Z","v":125,"dims":{"plan":"pro"}}]}
            """);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(InsightsPage.State("""[{"event":""}]""", ""","interval":"day" """)));

        await page.GetByLabel("Series A: kind").SelectOptionAsync(new[] { new Microsoft.Playwright.SelectOptionValue { Label = "Metric" } });
        var picker = page.GetByLabel("Series A: metric");
        await picker.WaitForAsync();
        // The picker offers the catalog's metrics (filled once the catalog has answered).
        await page.WaitForFunctionAsync("(name) => [...document.querySelectorAll('datalist option')].some(option => option.value === name)", metric);
        await picker.FillAsync(metric);
        await picker.PressAsync("Enter");
        await page.GetByLabel("Series A: aggregation").SelectOptionAsync(new[] { new Microsoft.Playwright.SelectOptionValue { Label = "Sum" } });
        await InsightsPage.WaitForAnswerAsync(page, metric);

        var shown = await DashboardBrowser.TableNumbersAsync(page, "#insight-table");
        var (body, answer) = await InsightsPage.ApiAnswerOfShownQueryAsync(page, host);

        Assert.Contains("\"metric\"", body, StringComparison.Ordinal);
        Assert.Equal(InsightsPage.Rows(answer), shown);
        // Nov 1: 100 + 20 = 120, Nov 2: 130, Nov 3: 125, Nov 4: nothing, 0; total 375.
        Assert.Equal([[120, 130, 125, 0, 375]], shown);
        Assert.Contains("imported metric points", await page.Locator("#insight-source").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Series A: aggregation").SelectOptionAsync(new[] { new Microsoft.Playwright.SelectOptionValue { Label = "Last value" } });
        await InsightsPage.WaitForAnswerAsync(page, "\"last\"");
        // Last: Nov 1's latest time (10:00) holds pro 100 and free 20: 120; then 130, 125, 0; the range's last is 125.
        Assert.Equal([[120, 130, 125, 0, 125]], await DashboardBrowser.TableNumbersAsync(page, "#insight-table"));

        var board = "Metrics " + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#save-to-dashboard").ClickAsync();
        await page.Locator("#tile-new-name").FillAsync(board);
        await page.Locator("#tile-title").FillAsync("MRR");
        await page.Locator("#tile-new-name").PressAsync("Enter");
        var link = page.Locator("a", new() { HasTextString = board });
        await link.WaitForAsync();
        var id = Uri.UnescapeDataString((await link.GetAttributeAsync("href"))!["/dashboards/".Length..]);

        var saved = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/dashboards/{Uri.EscapeDataString(id)}");
        var tile = Assert.Single(saved.GetProperty("tiles").EnumerateArray());
        var tileAnswer = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/trends", tile.GetProperty("query").GetRawText());
        var shownBoard = await DashboardBrowser.OpenAsync(context, host, $"/dashboards/{Uri.EscapeDataString(id)}");
        var total = shownBoard.Locator(".tile .tile-total").First;
        await total.WaitForAsync();

        Assert.Equal(metric, tile.GetProperty("query").GetProperty("series")[0].GetProperty("metric").GetString());
        var tileTotal = double.Parse((await total.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.Equal(tileAnswer.GetProperty("series")[0].GetProperty("total").GetDouble(), tileTotal);
        Assert.Equal(125, tileTotal);
        Assert.Equal(JsonValueKind.String, tileAnswer.GetProperty("series")[0].GetProperty("metric").ValueKind);
    }
}
