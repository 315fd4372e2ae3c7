using System.Text.Json;
using Microsoft.Playwright;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>Opens dashboard pages in Chromium the way a person does: the link the local host prints carries the key.</summary>
public static class DashboardBrowser
{
    /// <summary>A new page at <paramref name="path"/> (with its <c>?q=</c> state, if any), the key added as the printed link adds it.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, LocalHostFixture host, string path)
    {
        var page = await context.NewPageAsync();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"{path}{separator}key={LocalHostFixture.QueryKey}").ToString());
        return page;
    }

    /// <summary>A laptop-sized window; <see cref="Phone"/> for the small screen.</summary>
    public static BrowserNewContextOptions Laptop => new() { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } };

    public static BrowserNewContextOptions Phone => new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    /// <summary>The numbers of the cells of the table in <paramref name="selector"/>, row by row (their data-value, as the page computed them).</summary>
    public static async Task<double[][]> TableNumbersAsync(IPage page, string selector) =>
        JsonSerializer.Deserialize<double[][]>(await page.EvaluateAsync<string>(
            """
            (selector) => JSON.stringify([...document.querySelectorAll(selector + " tbody tr")]
              .map(row => [...row.querySelectorAll("td.num")].map(cell => Number(cell.dataset.value))))
            """,
            selector))!;

    /// <summary>Calls the query API as the page would, for the numbers to compare the page with.</summary>
    public static async Task<JsonElement> ApiAsync(LocalHostFixture host, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body) };
        using var response = await host.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
