using System.Collections.Concurrent;
using Microsoft.Playwright;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>
/// A customer's page open in its own browser context (own cookies and storage), with a record of every call the page
/// made to the ingest app and every answer it got, as the browser saw them.
/// </summary>
internal sealed class ClientPage : IAsyncDisposable
{
    private ClientPage(IBrowserContext context, IPage page, Uri site)
    {
        Context = context;
        Page = page;
        Site = site;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri Site { get; }

    /// <summary>Requests to the v1 routes: method, URL and Playwright's resource type (<c>ping</c> for a beacon).</summary>
    public ConcurrentQueue<(DateTime At, string Method, string Url, string ResourceType)> Calls { get; } = new();

    /// <summary>Answers the page got from the v1 routes, when they arrived.</summary>
    public ConcurrentQueue<(DateTime At, int Status, string Url)> Answers { get; } = new();

    public static async Task<ClientPage> OpenAsync(ChromiumFixture chromium, ClientHostFixture host, StaticSite site, string html, string? initScript = null)
    {
        var context = await chromium.NewContextAsync();
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        var page = await context.NewPageAsync();
        var address = site.Put($"/{Guid.NewGuid():N}.html", html);
        var clientPage = new ClientPage(context, page, address);
        var v1 = new Uri(host.BaseAddress, "/v1/").ToString();
        // On the context, not the page: a beacon sent while the page closes is still seen.
        context.Request += (_, request) =>
        {
            if (request.Url.StartsWith(v1, StringComparison.Ordinal))
            {
                clientPage.Calls.Enqueue((DateTime.UtcNow, request.Method, request.Url, request.ResourceType));
            }
        };
        context.Response += (_, response) =>
        {
            if (response.Url.StartsWith(v1, StringComparison.Ordinal))
            {
                clientPage.Answers.Enqueue((DateTime.UtcNow, response.Status, response.Url));
            }
        };
        await page.GotoAsync(address.ToString());
        await page.WaitForFunctionAsync("() => window.om || window.openMetrics");
        return clientPage;
    }

    /// <summary>The session id the client keeps in its first-party cookie, <c>_metricId</c>; null when there is none.</summary>
    public async Task<string?> CookieSessionIdAsync()
    {
        var cookies = await Context.CookiesAsync([Site.ToString()]);
        return cookies.SingleOrDefault(c => c.Name == "_metricId")?.Value;
    }

    /// <summary>Runs script in the page, awaiting the promise it may return.</summary>
    public Task EvaluateAsync(string script) => Page.EvaluateAsync(script);

    /// <summary>Resolves when the client has nothing left to send (<c>flush()</c>), within a minute.</summary>
    public Task FlushAsync() =>
        Page.EvaluateAsync("() => (window.om || window.openMetrics).flush()").WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
