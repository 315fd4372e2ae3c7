using System.Text.Json;
using Microsoft.Playwright;
using OpenMetrics.Tests.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Annotations on the insights chart (docs/metrics-alerts.md, "Annotations"): one posted through the API is marked on
/// the chart, and one added by clicking a point is then what the API lists. Data: <see cref="TrendsData"/>, daily
/// buckets of 2025-11-01 to 2025-11-04 in UTC.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class AnnotationsViewTests(QueryHostFixture host, ChromiumFixture chromium)
{
    private static readonly string DailyViews = InsightsPage.State("""[{"event":"tview"}]""", ""","measure":"count","interval":"day" """);

    /// <summary>The four buckets' starts: the chart's days, 1 to 4 November at midnight UTC.</summary>
    private static readonly DateTimeOffset[] Buckets = [.. Enumerable.Range(1, 4).Select(day => new DateTimeOffset(2025, 11, day, 0, 0, 0, TimeSpan.Zero))];

    [Fact]
    public async Task An_annotation_posted_through_the_api_is_marked_on_the_chart()
    {
        await TrendsData.EnsureAsync(host);
        var text = "Release " + Guid.NewGuid().ToString("N")[..6];
        // 12:00 on 3 November falls in the bucket of 3 November.
        var posted = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/annotations", JsonSerializer.Serialize(new { t = "2025-11-03T12:00:00Z", text }));
        try
        {
            await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
            var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(DailyViews));
            await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");

            var marks = page.Locator("#insight-chart").GetByRole(AriaRole.List, new() { Name = "Annotations" }).GetByRole(AriaRole.Listitem);
            var mark = marks.Filter(new() { HasText = text });
            await mark.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            Assert.Equal(1, await mark.CountAsync());
            Assert.EndsWith(": " + text, await mark.TextContentAsync());
        }
        finally
        {
            await host.Api.DeleteAsync($"/api/annotations/{posted.GetProperty("id").GetString()}");
        }
    }

    [Fact]
    public async Task An_annotation_added_by_clicking_a_point_is_listed_by_the_api()
    {
        await TrendsData.EnsureAsync(host);
        var text = "Campaign " + Guid.NewGuid().ToString("N")[..6];
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(DailyViews));
        await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");

        // The middle of the chart is near a point; a click there opens the form for that point's day.
        await page.Locator("#insight-chart canvas").ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New annotation" });
        await form.GetByLabel("Annotation text").FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add annotation" }).ClickAsync();
        await page.Locator("#insight-chart").GetByRole(AriaRole.Listitem).Filter(new() { HasText = text }).WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var listed = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/annotations?from=2025-11-01T00:00:00Z&to=2025-11-05T00:00:00Z");
        var added = Assert.Single(listed.GetProperty("annotations").EnumerateArray(), annotation => annotation.GetProperty("text").GetString() == text);
        try
        {
            Assert.Equal("project", added.GetProperty("scope").GetString());
            Assert.Contains(added.GetProperty("t").GetDateTimeOffset(), Buckets);
        }
        finally
        {
            await host.Api.DeleteAsync($"/api/annotations/{added.GetProperty("id").GetString()}");
        }
    }

    [Fact]
    public async Task An_annotation_can_be_added_with_the_keyboard_alone()
    {
        await TrendsData.EnsureAsync(host);
        var text = "Outage " + Guid.NewGuid().ToString("N")[..6];
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(DailyViews));
        await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");

        // Focus the button, Enter opens the form on the date picker; the chart's second day is 2 November.
        await page.Locator("#insight-chart").GetByRole(AriaRole.Button, new() { Name = "Annotate a date" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New annotation" });
        await form.GetByLabel("Date").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByLabel("Annotation text").FocusAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#insight-chart").GetByRole(AriaRole.Listitem).Filter(new() { HasText = text }).WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var listed = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/annotations?from=2025-11-01T00:00:00Z&to=2025-11-05T00:00:00Z");
        var added = Assert.Single(listed.GetProperty("annotations").EnumerateArray(), annotation => annotation.GetProperty("text").GetString() == text);
        try
        {
            Assert.Equal(Buckets[1], added.GetProperty("t").GetDateTimeOffset());
        }
        finally
        {
            await host.Api.DeleteAsync($"/api/annotations/{added.GetProperty("id").GetString()}");
        }
    }
}
