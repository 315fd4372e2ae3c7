using System.Text.Json;
using OpenMetrics.Tests.Core.Query.Retention;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Retention (issue #7): the heat map holds the API's counts for the same body, the average row its percentages,
/// periods still running are marked, the address keeps the query over a reload, and the page fits a phone. Data:
/// <see cref="RetentionData"/>.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class RetentionViewTests(QueryHostFixture host, ChromiumFixture chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => RetentionData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_heat_map_holds_the_apis_cohorts_and_a_reload_keeps_a_change()
    {
        var query = RetentionData.Query(""","type":"recurring" """);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.WithQuery("/retention", query));
        await page.Locator("#retention-table tbody tr").First.WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-retention");

        var body = await ViewState.ShownQueryAsync(page, "#retention-query", query);
        var answer = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/retention", body);
        var rows = await DashboardBrowser.TableNumbersAsync(page, "#retention-table");

        // Each row: the cohort's size, then its count in each period.
        Assert.Equal([[2, 2, 1, 1], [3, 2, 1, 0], [2, 1, 0, 0]], Counts(rows));
        Assert.Equal(RetentionData.Values(answer), Counts(rows));
        Assert.Equal(answer.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("size").GetDouble()).ToArray(), rows.Select(row => row[0]).ToArray());
        Assert.Equal(Average(answer), await AverageRowAsync(page));
        Assert.Equal(0, await page.Locator("#retention-table td.incomplete").CountAsync());

        await page.Locator("#retention-type").SelectOptionAsync("first");
        await page.Locator("#retention-table tbody tr").First.WaitForAsync();
        await page.ReloadAsync();
        await page.Locator("#retention-table tbody tr").First.WaitForAsync();

        Assert.Equal("first", await page.Locator("#retention-type").InputValueAsync());
        Assert.Equal([[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 0, 0]], Counts(await DashboardBrowser.TableNumbersAsync(page, "#retention-table")));
    }

    [Fact]
    public async Task Periods_still_running_are_marked_on_a_phone()
    {
        // The last 7 days by day: today's cohort (and the recent ones' later days) are not over yet, whatever the counts.
        const string query = """{"startEvent":null,"returnEvent":null,"period":"day","periods":4,"type":"recurring","range":"7d"}""";
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Phone);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.WithQuery("/retention", query));
        await page.Locator("#retention-table tbody tr").First.WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-retention-phone");

        var body = await ViewState.ShownQueryAsync(page, "#retention-query", query);
        var answer = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/retention", body);
        var running = answer.GetProperty("cohorts").EnumerateArray().Sum(c => c.GetProperty("values").GetArrayLength() - c.GetProperty("completePeriods").GetInt32());

        Assert.True(running > 0, "the API says no period is running");
        Assert.Equal(running, await page.Locator("#retention-table tbody td.incomplete").CountAsync());
        Assert.Contains("still in progress", await page.Locator(".heat-legend").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        Assert.True(await page.Locator(".custom-range").IsHiddenAsync(), "custom dates show for a preset range");
    }

    /// <summary>The period counts of each row (its first number is the cohort's size).</summary>
    private static int[][] Counts(double[][] rows) => [.. rows.Select(row => row.Skip(1).Select(v => (int)v).ToArray())];

    private static double[] Average(JsonElement answer) =>
        [.. answer.GetProperty("average").EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetDouble())];

    private static async Task<double[]> AverageRowAsync(Microsoft.Playwright.IPage page) =>
        JsonSerializer.Deserialize<double[]>(await page.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('#retention-table tfoot td.num')].map(cell => Number(cell.dataset.value)))"))!;
}
