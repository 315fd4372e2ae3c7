using Microsoft.Playwright;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>
/// The browser client given a write key, in headless Chromium, against a real local host that requires the key: every
/// way the client sends (GET with q, POST of a large call, sendBeacon as the page closes) carries it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WriteKeyTests(ChromiumFixture chromium, ClientHostFixture host, StaticSite site) : IAsyncLifetime
{
    private const string Key = "browser-write-key-93c0aa";

    private SecondHost _keyed = null!;

    public async Task InitializeAsync() =>
        _keyed = await SecondHost.RequiringWriteKeysAsync(host.Azurite.ConnectionString, Key);

    public async Task DisposeAsync() => await _keyed.DisposeAsync();

    [Fact]
    public async Task The_constructor_form_sends_its_write_key_with_GET_POST_and_beacon_calls()
    {
        var userId = "keyed-" + Guid.NewGuid().ToString("N");
        var html = ClientPages.Constructor(_keyed.BaseAddress, $$"""
            om.logEvent('small', {n: 1});
            om.setUserId('{{userId}}');
            om.setUserProperties({plan: 'team'});
            """, $"{{ writeKey: '{Key}' }}");
        await using var page = await ClientPage.OpenAsync(chromium, host, site, html);
        var sessionId = await page.CookieSessionIdAsync();
        await page.FlushAsync();

        // Over the client's 2,000-character URL limit: this call is a POST of text/plain.
        await page.EvaluateAsync("() => { om.logEvent('large', {text: 'x'.repeat(3000)}); return om.flush(); }");
        await page.EvaluateAsync("() => { om.logEvent('leaving', {n: 3}); }");
        await page.Page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        var stored = await host.WaitForSessionAsync(sessionId!, 3);

        Assert.Equal(["small", "large", "leaving"], stored.EventNames);
        Assert.Equal(userId, stored.UserKey);
        Assert.Equal("team", stored.UserProps["plan"].GetString());
    }

    [Fact]
    public async Task The_snippet_form_takes_its_write_key_from_openMetricOptions()
    {
        var html = ClientPages.Snippet(_keyed.BaseAddress, $$"""
            window.openMetricOptions = { writeKey: '{{Key}}' };
            _om.push(['event', 'queued before load', {n: 1}]);
            _om.push(['setSessionProperties', {ref: 'snippet'}]);
            """);
        await using var page = await ClientPage.OpenAsync(chromium, host, site, html);
        var sessionId = await page.CookieSessionIdAsync();
        await page.FlushAsync();
        var stored = await host.WaitForSessionAsync(sessionId!, 1);

        Assert.Equal(["queued before load"], stored.EventNames);
        Assert.Equal("snippet", stored.SessionProps["ref"].GetString());
    }
}
