using System.Text.Json;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Funnels (issue #7): the page shows the numbers the API gives for the same body, a drop-off count lists its users
/// and each opens the profile, and the address keeps the funnel over a reload. Data: <see cref="FunnelData"/>.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class FunnelsViewTests(QueryHostFixture host, ChromiumFixture chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => FunnelData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_table_is_the_apis_answer_and_a_drop_off_lists_its_users()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.WithQuery("/funnels", FunnelData.Query()));
        await page.Locator("#funnel-table tbody tr").First.WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-funnels");

        var body = await ViewState.ShownQueryAsync(page, "#funnel-query", FunnelData.Query());
        var steps = (await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/funnel", body)).GetProperty("steps");
        var rows = await DashboardBrowser.TableNumbersAsync(page, "#funnel-table");

        Assert.Equal([5.0, 4.0, 2.0], rows.Select(row => row[0]));
        Assert.Equal(ViewState.Numbers(steps, "users"), rows.Select(row => row[0]));
        Assert.Equal(ViewState.Numbers(steps, "pctOfFirst"), rows.Select(row => row[1]));
        Assert.Equal(ViewState.Numbers(steps, "pctOfPrevious"), rows.Select(row => row[2]));
        Assert.Equal(ViewState.Numbers(steps, "droppedOff"), rows.Select(row => row[3]));
        Assert.Equal(steps[1].GetProperty("medianSecondsFromPrevious").GetDouble(), rows[1][4]);
        Assert.Equal(steps[1].GetProperty("avgSecondsFromPrevious").GetDouble(), rows[1][5]);
        Assert.Contains("Computed at", await page.Locator(".computed").TextContentAsync(), StringComparison.Ordinal);

        // Those who signed up and activated, and never bought within 7 days: ben (8 days later) and cat.
        await page.Locator("#funnel-table button.dropoff[data-step='1']").ClickAsync();
        await page.Locator("#dropoff-users a.user").First.WaitForAsync();
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-funnel-dropoff");
        Assert.Equal(["f-ben", "f-cat"], await page.Locator("#dropoff-users a.user").AllTextContentsAsync());
        Assert.Equal(steps[1].GetProperty("droppedOffUsers").EnumerateArray().Select(user => user.GetString()!), await page.Locator("#dropoff-users a.user").AllTextContentsAsync());

        await page.Locator("#dropoff-users a.user[data-user='f-cat']").ClickAsync();
        await page.WaitForURLAsync("**/people/f-cat");
        await page.Locator("#event-count").WaitForAsync();
        Assert.Equal("User f-cat", (await page.Locator("h1").TextContentAsync())!.Trim());
        var profile = await DashboardBrowser.ApiAsync(host, HttpMethod.Get, "/api/users/f-cat");
        Assert.Equal(profile.GetProperty("eventCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#event-count").GetAttributeAsync("data-value"));
    }

    [Fact]
    public async Task A_changed_funnel_is_in_the_address_and_a_reload_shows_it_again()
    {
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.WithQuery("/funnels", FunnelData.Query()));
        await page.Locator("#funnel-table tbody tr").First.WaitForAsync();

        // Strict order: dan's cancel between his signup and his activate breaks his funnel.
        await page.Locator("#funnel-order").SelectOptionAsync("strict");
        await page.Locator("#funnel-table tbody tr").First.WaitForAsync();
        Assert.Equal([5.0, 3.0, 1.0], (await DashboardBrowser.TableNumbersAsync(page, "#funnel-table")).Select(row => row[0]));

        await page.ReloadAsync();
        await page.Locator("#funnel-table tbody tr").First.WaitForAsync();

        Assert.Equal("strict", await page.Locator("#funnel-order").InputValueAsync());
        Assert.Equal([5.0, 3.0, 1.0], (await DashboardBrowser.TableNumbersAsync(page, "#funnel-table")).Select(row => row[0]));
        var body = JsonDocument.Parse((await page.Locator("#funnel-query").TextContentAsync())!).RootElement;
        Assert.Equal("strict", body.GetProperty("order").GetString());
        Assert.Equal("2025-06-01", body.GetProperty("from").GetString());
        Assert.Equal("2025-06-08", body.GetProperty("to").GetString());
    }
}
