using System.Text.Json;
using OpenMetrics.Tests.Core.Query.Trends;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// Insights (issue #7): the page shows the numbers the API gives for the very body the page shows under "Copy as API
/// query", a reloaded address shows the same view, and the builder works from the keyboard. Data: <see cref="TrendsData"/>.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class InsightsViewTests(QueryHostFixture host, ChromiumFixture chromium)
{
    private static readonly string DailyViews = InsightsPage.State("""[{"event":"tview"}]""", ""","measure":"count","interval":"day" """);

    [Fact]
    public async Task A_daily_count_shows_the_apis_numbers_for_the_query_it_shows()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(DailyViews));
        await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-insights");

        var shown = await DashboardBrowser.TableNumbersAsync(page, "#insight-table");
        var (body, answer) = await InsightsPage.ApiAnswerOfShownQueryAsync(page, host);

        Assert.Equal(InsightsPage.Rows(answer), shown);
        // The body is the range the state asked for, and the numbers are the hand-made data's (TrendsData's table).
        using var sent = JsonDocument.Parse(body);
        Assert.Equal("2025-11-01", sent.RootElement.GetProperty("from").GetString());
        Assert.Equal("2025-11-05", sent.RootElement.GetProperty("to").GetString());
        Assert.Equal([[0, 5, 1, 1, 7]], shown);
        Assert.Matches("from (pre-aggregates|raw events)", await page.Locator("#insight-source").TextContentAsync());
    }

    [Fact]
    public async Task A_breakdown_shows_one_row_per_value_with_the_apis_numbers()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var state = InsightsPage.State("""[{"event":"tview"}]""", ""","interval":"day","breakdown":{"prop":"page","on":"event","limit":10}""");
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
        await InsightsPage.WaitForAnswerAsync(page, "\"breakdown\"");

        var shown = await DashboardBrowser.TableNumbersAsync(page, "#insight-table");
        var (_, answer) = await InsightsPage.ApiAnswerOfShownQueryAsync(page, host);
        var values = await page.Locator("#insight-table tbody tr td:nth-child(2)").AllTextContentsAsync();

        Assert.Equal(InsightsPage.Rows(answer), shown);
        Assert.Equal(
            answer.GetProperty("series").EnumerateArray().Select(line => line.GetProperty("breakdownValue").ValueKind == JsonValueKind.Null ? "(not set)" : line.GetProperty("breakdownValue").ToString()),
            values);
        Assert.Equal(["/home", "/pricing", "/docs", "(not set)"], values.Take(4));
        Assert.Equal([3.0, 2, 1, 1], shown.Take(4).Select(row => row[^1]));
    }

    [Fact]
    public async Task The_big_number_is_each_series_total_of_the_api()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var state = InsightsPage.State("""[{"event":"tview"},{"event":"tbuy"}]""", ""","interval":"total","view":"number" """);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
        await InsightsPage.WaitForAnswerAsync(page, "\"tbuy\"");

        var shown = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('#insight-numbers .big-number span[data-value]')].map(span => Number(span.dataset.value))");
        var (_, answer) = await InsightsPage.ApiAnswerOfShownQueryAsync(page, host);

        Assert.Equal(answer.GetProperty("series").EnumerateArray().Select(line => line.GetProperty("total").GetDouble()), shown);
        Assert.Equal([7.0, 3], shown);
    }

    [Fact]
    public async Task A_reloaded_address_shows_the_same_view()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(DailyViews));
        await InsightsPage.WaitForAnswerAsync(page, "\"tview\"");

        // A change made on the page goes into the address.
        await page.Locator("#insight-measure").SelectOptionAsync("uniques");
        await InsightsPage.WaitForAnswerAsync(page, "\"uniques\"");
        var before = await DashboardBrowser.TableNumbersAsync(page, "#insight-table");
        var query = await page.Locator("#api-query").TextContentAsync();
        Assert.Contains("uniques", Uri.UnescapeDataString(new Uri(page.Url).Query), StringComparison.Ordinal);

        await page.ReloadAsync();
        await InsightsPage.WaitForAnswerAsync(page, "\"uniques\"");

        Assert.Equal(before, await DashboardBrowser.TableNumbersAsync(page, "#insight-table"));
        Assert.Equal(query, await page.Locator("#api-query").TextContentAsync());
        Assert.Equal("uniques", await page.Locator("#insight-measure").InputValueAsync());
        Assert.Equal("tview", await page.GetByLabel("Series A: event").InputValueAsync());
        Assert.Equal("2025-11-01", await page.Locator(".custom-range input[type=date]").First.InputValueAsync());
    }

    [Fact]
    public async Task An_event_and_a_measure_are_chosen_with_the_keyboard()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(InsightsPage.State("""[{"event":""}]""", ""","interval":"day" """)));
        await page.Locator("#insight-empty").WaitForAsync();

        var eventInput = page.GetByLabel("Series A: event");
        await eventInput.FillAsync("tbuy");
        await eventInput.PressAsync("Enter");
        await InsightsPage.WaitForAnswerAsync(page, "\"tbuy\"");
        Assert.Equal([[0, 2, 1, 0, 3]], await DashboardBrowser.TableNumbersAsync(page, "#insight-table"));

        await page.Locator("#insight-measure").FocusAsync();
        await page.Locator("#insight-measure").SelectOptionAsync("uniques");
        await InsightsPage.WaitForAnswerAsync(page, "\"uniques\"");
        var shown = await DashboardBrowser.TableNumbersAsync(page, "#insight-table");
        var (body, answer) = await InsightsPage.ApiAnswerOfShownQueryAsync(page, host);

        Assert.Contains("\"measure\": \"uniques\"", body, StringComparison.Ordinal);
        Assert.Equal(InsightsPage.Rows(answer), shown);
        Assert.Contains("tbuy", Uri.UnescapeDataString(new Uri(page.Url).Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reads_well_on_a_phone()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Phone);
        var state = InsightsPage.State("""[{"event":"tview"},{"event":"tbuy"}]""", ""","interval":"day","breakdown":{"prop":"country","on":"user","limit":5}""");
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
        await InsightsPage.WaitForAnswerAsync(page, "\"country\"");
        await ChromiumFixture.ScreenshotAsync(page, "dashboard-insights-phone");

        var (_, answer) = await InsightsPage.ApiAnswerOfShownQueryAsync(page, host);
        Assert.Equal(InsightsPage.Rows(answer), await DashboardBrowser.TableNumbersAsync(page, "#insight-table"));
        // Nothing is wider than the phone's screen but the table, which scrolls inside its own box.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
    }

    [Fact]
    public async Task Comparing_adds_the_previous_period_of_equal_length_as_extra_lines()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        // 2025-11-02 to 2025-11-04 included (3 days); the previous period is 2025-10-30 to 2025-11-01 included.
        var state = InsightsPage.State("""[{"event":"tview"}]""", ""","interval":"day","compare":true""").Replace("\"from\":\"2025-11-01\"", "\"from\":\"2025-11-02\"", StringComparison.Ordinal);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
        await InsightsPage.WaitForAnswerAsync(page, "\"2025-11-02\"");

        var shown = await DashboardBrowser.TableNumbersAsync(page, "#insight-table");
        var labels = await page.Locator("#insight-table tbody tr td:first-child").AllTextContentsAsync();
        var previous = await TrendsData.TrendsAsync(host, """{"series":[{"event":"tview"}],"measure":"count","interval":"day","from":"2025-10-30","to":"2025-11-02","tz":"UTC"}""");

        Assert.Equal(new[] { "tview", "tview (previous)" }, labels);
        Assert.Equal(new double[] { 5, 1, 1, 7 }, shown[0]);
        Assert.Equal(InsightsPage.Rows(previous)[0], shown[1]);
        Assert.Contains("compared with 2025-10-30", await page.Locator("#insight-source").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_the_api_refuses_shows_its_reason_next_to_the_field()
    {
        await TrendsData.EnsureAsync(host);
        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var state = InsightsPage.State("""[{"event":"tview"}]""", ""","interval":"day" """).Replace("\"tz\":\"UTC\"", "\"tz\":\"Mars/Olympus\"", StringComparison.Ordinal);
        var page = await DashboardBrowser.OpenAsync(context, host, InsightsPage.Path(state));
        var error = page.Locator("[data-field='tz'] .field-error");
        await error.WaitForAsync();

        Assert.Equal("true", await page.Locator("#insight-tz").GetAttributeAsync("aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(await error.TextContentAsync()));
    }
}
