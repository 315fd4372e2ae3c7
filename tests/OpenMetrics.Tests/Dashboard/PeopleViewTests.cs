using System.Text.Json;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// People (issue #7): a search lists the users the API finds, each a link to the profile; a profile's timeline lists
/// the user's events newest first, the event filter narrows it, and the address keeps the filter. Data: <see cref="FunnelData"/>.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class PeopleViewTests(QueryHostFixture host, ChromiumFixture chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => FunnelData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_search_by_id_or_property_value_lists_the_apis_users()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/people");

        var byId = await SearchAsync(page, "f-an");
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-people");
        Assert.Contains("f-ann", byId);
        Assert.Equal(await ApiSearchAsync("f-an"), byId);
        Assert.Contains("%22search%22%3A%22f-an%22", page.Url, StringComparison.Ordinal);

        // f-ann's user property country is NL (other tests' users may match too: the list is the API's).
        Assert.Equal(await ApiSearchAsync("NL"), await SearchAsync(page, "NL"));

        await SearchAsync(page, "f-an");
        await page.Locator("#people-results a.user[data-user='f-ann']").ClickAsync();
        await page.WaitForURLAsync("**/people/f-ann");
        await page.Locator("#user-props").WaitForAsync();
        Assert.Contains("NL", await page.Locator("#user-props").TextContentAsync(), StringComparison.Ordinal);
    }

    private static async Task<string[]> SearchAsync(Microsoft.Playwright.IPage page, string text)
    {
        await page.Locator("#people-search").FillAsync(text);
        await page.Locator("form.people-search button[type=submit]").ClickAsync();
        await page.Locator("#people-results a.user").First.WaitForAsync();
        return [.. await page.Locator("#people-results a.user").AllTextContentsAsync()];
    }

    private async Task<string[]> ApiSearchAsync(string text) =>
        [.. (await DashboardBrowser.ApiAsync(host, HttpMethod.Get, $"/api/users?search={Uri.EscapeDataString(text)}&limit=50")).GetProperty("users").EnumerateArray().Select(user => user.GetProperty("userId").GetString()!)];

    [Fact]
    public async Task A_timeline_lists_the_events_newest_first_and_the_filter_narrows_it()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, "/people/f-dan");
        await WaitForTimelineAsync(page);
        await page.Locator("#event-count").WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-user");

        var names = await page.Locator("#timeline li").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.event)");
        var times = await page.Locator("#timeline li").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.ts)");
        var events = (await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/users/f-dan/events?limit=50")).GetProperty("events");

        Assert.Equal(events.EnumerateArray().Select(e => e.GetProperty("event").GetString()!), names);
        Assert.Equal(["fbuy", "factivate", "fcancel", "fsignup"], names.Where(name => name.StartsWith('f')));
        Assert.Equal(times.OrderByDescending(ts => DateTimeOffset.Parse(ts, System.Globalization.CultureInfo.InvariantCulture)), times);

        await page.Locator("#timeline-event").FillAsync("fcancel");
        await page.Locator("#timeline-event").PressAsync("Tab");
        await WaitForTimelineAsync(page);
        Assert.Equal(["fcancel"], await page.Locator("#timeline li").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.event)"));

        await page.ReloadAsync();
        await WaitForTimelineAsync(page);
        Assert.Equal("fcancel", await page.Locator("#timeline-event").InputValueAsync());
        Assert.Equal(["fcancel"], await page.Locator("#timeline li").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.event)"));
    }

    [Fact]
    public async Task Load_more_brings_the_next_page_without_repeating_an_event()
    {
        // 60 events of one user: a page is 50, so the button (or the scroll) loads the last 10.
        var user = "p-many-" + Guid.NewGuid().ToString("N")[..6];
        var session = user + "-s";
        var events = Enumerable.Range(0, 60).Select(i => new { name = "pmany", ts = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("O", System.Globalization.CultureInfo.InvariantCulture), props = new { i } });
        await host.PostOkAsync("/v1/events", JsonSerializer.Serialize(new { sessionId = session, events }));
        await host.PostOkAsync("/v1/setUserId", JsonSerializer.Serialize(new { sessionId = session, userId = user }));
        await host.ProcessIngestAsync();

        await using var context = await chromium.NewContextAsync(DashboardBrowser.Phone);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.With($"/people/{user}", """{"event":"pmany"}"""));
        await page.Locator("#timeline li").First.WaitForAsync();
        // Pressed as a keyboard user would (a click that finds the button gone, because the scroll loaded the page first, does nothing).
        while (await page.Locator("#load-more").IsVisibleAsync())
        {
            await page.EvaluateAsync("() => document.getElementById('load-more').click()");
            await page.WaitForFunctionAsync("() => !document.getElementById('load-more').disabled");
        }

        await WaitForTimelineAsync(page);
        var times = await page.Locator("#timeline li").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.ts)");
        Assert.Equal(60, times.Length);
        Assert.Equal(60, times.Distinct().Count());
    }

    /// <summary>Until the timeline has events and no page is left to load.</summary>
    private static async Task WaitForTimelineAsync(Microsoft.Playwright.IPage page) =>
        await page.WaitForFunctionAsync("() => document.querySelector('#timeline li') && document.getElementById('load-more').hidden && !document.querySelector('[role=status]')?.textContent.startsWith('Loading')");
}
