using System.Text.Json;
using Microsoft.Playwright;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>The Insights page as the tests read it: its state in the address, its table, and the body it shows under "Copy as API query".</summary>
public static class InsightsPage
{
    /// <summary>The address of Insights with a state (the JSON the view keeps in <c>?q=</c>).</summary>
    public static string Path(string stateJson) => "/insights?q=" + Uri.EscapeDataString(stateJson);

    /// <summary>A custom range over the trends data (2025-11-01 to 2025-11-04 included), in UTC, with the given extra fields.</summary>
    public static string State(string series, string extra = "") =>
        $$"""{"series":{{series}},"range":{"preset":"custom","from":"2025-11-01","to":"2025-11-04"},"tz":"UTC"{{extra}}}""";

    /// <summary>Waits until the query whose shown body contains <paramref name="bodyText"/> has answered, and fails with the page's error if it did not.</summary>
    public static async Task WaitForAnswerAsync(IPage page, string bodyText)
    {
        await page.WaitForFunctionAsync(
            """
            (text) => document.getElementById("api-query")?.textContent.includes(text)
              && !document.getElementById("insight-result").hasAttribute("aria-busy")
              && document.querySelector("#insight-table, #insight-result .error, .field-error")
            """,
            bodyText);
        var errors = await page.Locator("#insight-result .error, .field-error").AllTextContentsAsync();
        Assert.True(errors.Count == 0, "the page shows an error: " + string.Join(" ", errors));
    }

    /// <summary>The body the page says it sent (read from the page), and the API's answer to that body sent again.</summary>
    public static async Task<(string Body, JsonElement Answer)> ApiAnswerOfShownQueryAsync(IPage page, LocalHostFixture host)
    {
        var body = (await page.Locator("#api-query").TextContentAsync())!;
        var answer = await DashboardBrowser.ApiAsync(host, HttpMethod.Post, "/api/query/trends", body);
        return (body, answer);
    }

    /// <summary>Each line of an answer as a table row's numbers: every bucket's value, then the total (nulls are shown as "–", not numbers).</summary>
    public static double[][] Rows(JsonElement answer) =>
        [.. answer.GetProperty("series").EnumerateArray().Select(line =>
            line.GetProperty("points").EnumerateArray().Select(point => point.GetProperty("v"))
                .Append(line.GetProperty("total"))
                .Where(value => value.ValueKind == JsonValueKind.Number)
                .Select(value => value.GetDouble())
                .ToArray())];
}
