using System.Text.Json;
using Microsoft.Playwright;
using OpenMetrics.Tests.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// A dashboard's tiles show the project's annotations and the dashboard's own, never another dashboard's
/// (docs/metrics-alerts.md, "Annotations"). Data: <see cref="TrendsData"/>, daily buckets of 1 to 4 November 2025 in UTC.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class DashboardAnnotationsTests(QueryHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_tile_marks_the_projects_and_its_dashboards_annotations_only()
    {
        await TrendsData.EnsureAsync(host);
        var id = "ann-" + Guid.NewGuid().ToString("N")[..8];
        var tile = new
        {
            kind = "insight",
            title = "Views",
            query = new { series = new[] { new { @event = "tview" } }, from = "2025-11-01", to = "2025-11-04", interval = "day", tz = "UTC" },
        };
        await DashboardBrowser.ApiAsync(host, HttpMethod.Put, $"/api/dashboards/{id}", JsonSerializer.Serialize(new { name = "Annotated", tiles = new[] { tile } }));
        // All three fall on 2 November, inside the tile's range.
        var ids = new List<string>();
        foreach (var (text, scope) in new[] { ("everywhere " + id, "project"), ("own " + id, $"dashboard:{id}"), ("elsewhere " + id, "dashboard:other-board") })
        {
            var posted = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/annotations", JsonSerializer.Serialize(new { t = "2025-11-02T08:00:00Z", text, scope }));
            ids.Add(posted.GetProperty("id").GetString()!);
        }

        try
        {
            await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
            var page = await DashboardBrowser.OpenAsync(context, host, $"/dashboards/{id}");
            var marks = page.Locator(".tile").GetByRole(AriaRole.List, new() { Name = "Annotations" }).GetByRole(AriaRole.Listitem);
            await marks.Filter(new() { HasText = "own " + id }).WaitForAsync(new() { State = WaitForSelectorState.Attached });

            var texts = (await marks.AllTextContentsAsync()).Where(text => text.EndsWith(id, StringComparison.Ordinal)).Select(text => text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
            // Both mark the same instant, so their order between them is the store's; compared as a set.
            Assert.Equal(["everywhere " + id, "own " + id], texts.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var annotation in ids)
            {
                await host.Api.DeleteAsync($"/api/annotations/{annotation}");
            }
        }
    }
}
