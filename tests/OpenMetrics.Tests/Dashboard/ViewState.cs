using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>Addresses with a view's <c>?q=</c> state, and the request body a view shows under "API query".</summary>
public static class ViewState
{
    /// <summary><c>{path}?q={"query": body}</c>: the address a dashboard tile or a shared link opens a funnel or a retention with.</summary>
    public static string WithQuery(string path, string body) => $"{path}?q={Uri.EscapeDataString($$"""{"query":{{body}}}""")}";

    public static string With(string path, string state) => $"{path}?q={Uri.EscapeDataString(state)}";

    /// <summary>The body the page says it sends (its "API query" text), checked to be the body it was opened with.</summary>
    public static async Task<string> ShownQueryAsync(IPage page, string selector, string expected)
    {
        var shown = (await page.Locator(selector).TextContentAsync())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(shown)), $"the page shows {shown}, opened with {expected}");
        return shown;
    }

    public static double[] Numbers(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(item => item.GetProperty(property).GetDouble())];
}
