using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>
/// The original snippet, unchanged: commands pushed to <c>window._om</c> before the script loads are worked through in
/// order when it does, and later pushes run at once, through the global <c>window.openMetrics</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SnippetFormTests(ChromiumFixture chromium, ClientHostFixture host, StaticSite site)
{
    [Fact]
    public async Task Every_command_queued_before_and_after_load_is_stored_in_order_exactly_once()
    {
        var userId = "snippet-" + Guid.NewGuid().ToString("N");
        var events = string.Concat(Enumerable.Range(2, 11).Select(n => $"_om.push(['event', 'e{n}', {{n: {n}}}]);\n"));
        var html = ClientPages.Snippet(host.BaseAddress, $$"""
            _om.push(['setUserProperties', {plan: 'free', step: 1}]);
            _om.push(['event', 'e1', {n: 1}]);
            _om.push(['setSessionProperties', {utm: 'news', step: 1}]);
            _om.push(['setUserId', '{{userId}}']);
            _om.push(['setUserProperties', {plan: 'pro'}]);
            _om.push(['setSessionProperties', {step: 2}]);
            {{events}}
            """);
        await using var page = await ClientPage.OpenAsync(chromium, host, site, html);

        await page.EvaluateAsync("() => _om.push(['event', 'after-load', {n: 13}])");
        var sessionId = await page.CookieSessionIdAsync();
        Assert.NotNull(sessionId);
        await host.WaitForSessionAsync(sessionId, 13);
        await page.FlushAsync();
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(sessionId);
        await ChromiumFixture.ScreenshotAsync(page.Page, "snippet-form");

        Assert.Equal([.. Enumerable.Range(1, 12).Select(n => $"e{n}"), "after-load"], stored.EventNames);
        Assert.Equal(Enumerable.Range(1, 13), stored.Events.Select(e => e.Props!.Value.GetProperty("n").GetInt32()));
        Assert.Equal(13, stored.Events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(userId, stored.UserKey);
        // Later writes won, so the calls reached the server in the order they were pushed.
        Assert.Equal("pro", stored.UserProps["plan"].GetString());
        Assert.Equal(1, stored.UserProps["step"].GetInt32());
        Assert.Equal("news", stored.SessionProps["utm"].GetString());
        Assert.Equal(2, stored.SessionProps["step"].GetInt32());
    }
}
