using System.Globalization;
using Microsoft.Playwright;
using OpenMetrics.Tests.Infrastructure;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// The Sources page in Chromium, acting through labels and visible text: add an Azure Monitor source, test it (the
/// preview), save it, run it now; the figures it shows are the API's.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class SourcesViewTests(SourcesHostFixture host, ChromiumFixture chromium)
{
    private const string TwoHours = """
        {"value":[{"name":{"value":"Requests"},"timeseries":[{"metadatavalues":[],
          "data":[{"timeStamp":"2026-11-20T10:00:00Z","total":30},{"timeStamp":"2026-11-20T11:00:00Z","total":12}]}]}]}
        """;

    [Fact]
    public async Task A_source_added_tested_saved_and_run_from_the_page_shows_the_apis_figures()
    {
        var id = "page-" + Guid.NewGuid().ToString("N")[..8];
        var resource = $"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Web/sites/{id}";
        host.Responder.Reply = request => request.PathAndQuery.StartsWith(resource) ? SourceReplies.Json(TwoHours) : new Reply(404, "{}");
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/sources");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a source" }).ClickAsync();
        await page.GetByLabel("Source id", new() { Exact = true }).FillAsync(id);
        await page.GetByLabel("Resource id", new() { Exact = true }).FillAsync(resource);
        await page.GetByLabel("Azure metric name", new() { Exact = true }).FillAsync("Requests");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();

        // Two hourly buckets in the answer: two points, and a chart of them.
        await page.GetByText("2 points would be written.").WaitForAsync();
        Assert.Equal(1, await page.Locator("#source-preview canvas").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Run {id} now" }).ClickAsync();
        await page.GetByText($"{id} wrote 2 points.").WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-sources");

        var source = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/sources/{id}");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = id });
        var pointsCell = row.Locator("td.num");
        Assert.Equal(source.GetProperty("state").GetProperty("pointsWritten").GetInt32().ToString(CultureInfo.InvariantCulture), await pointsCell.GetAttributeAsync("data-value"));
        Assert.Contains("none", await row.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_test_shows_the_error_in_plain_words()
    {
        var id = "page-" + Guid.NewGuid().ToString("N")[..8];
        host.Responder.Reply = _ => new Reply(400, """{"error":{"message":"The request had some invalid properties","code":"BadArgumentError","innererror":{"code":"SyntaxError","message":"Query could not be parsed at 'summarise' on line [1,14]"}}}""");
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/sources");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a source" }).ClickAsync();
        await page.GetByLabel("Source id", new() { Exact = true }).FillAsync(id);
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Log Analytics query (KQL)" });
        await page.GetByLabel("Workspace id", new() { Exact = true }).FillAsync(SourcesHostFixture.Workspace);
        await page.GetByLabel("KQL query", new() { Exact = true }).FillAsync("AppRequests | summarise count()");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();

        var alert = page.Locator("#source-preview [role=alert]");
        await alert.WaitForAsync();
        Assert.StartsWith("The KQL query was refused (400 Bad Request): BadArgumentError: The request had some invalid properties", await alert.InnerTextAsync());
    }
}
