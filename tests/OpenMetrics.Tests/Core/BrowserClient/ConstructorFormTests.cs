using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary><c>new OpenMetrics(url)</c>, the original client's other form, and where it keeps its session id.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConstructorFormTests(ChromiumFixture chromium, ClientHostFixture host, StaticSite site)
{
    [Fact]
    public async Task Every_call_is_stored_in_order_exactly_once_and_clearSession_starts_a_new_session()
    {
        var userId = "constructor-" + Guid.NewGuid().ToString("N");
        var html = ClientPages.Constructor(host.BaseAddress, $$$"""
            om.setSessionProperties({ref: 'ad', step: 1});
            om.logEvent('c1', {n: 1});
            om.logEvent('c2', {n: 2, nested: {list: [1, 'two'], label: 'a&b é'}});
            om.setUserId('{{{userId}}}');
            om.setUserProperties({plan: 'team'});
            om.logEvent('c3', {n: 3});
            om.setSessionProperties({step: 2});
            """);
        await using var page = await ClientPage.OpenAsync(chromium, host, site, html);
        var first = await page.CookieSessionIdAsync();
        await page.FlushAsync();

        await page.EvaluateAsync("() => { om.logEvent('c4', {n: 4}); om.clearSession(); om.logEvent('next', {n: 5}); return om.flush(); }");
        var second = await page.CookieSessionIdAsync();
        await host.ProcessIngestAsync();
        var firstSession = await host.ReadSessionAsync(first!);
        var secondSession = await host.ReadSessionAsync(second!);

        Assert.NotEqual(first, second);
        Assert.Equal(["c1", "c2", "c3", "c4"], firstSession.EventNames);
        var nested = firstSession.Events[1].Props!.Value.GetProperty("nested");
        Assert.Equal((1, "two", "a&b é"), (nested.GetProperty("list")[0].GetInt32(), nested.GetProperty("list")[1].GetString(), nested.GetProperty("label").GetString()));
        Assert.Equal(userId, firstSession.UserKey);
        Assert.Equal("team", firstSession.UserProps["plan"].GetString());
        Assert.Equal(("ad", 2), (firstSession.SessionProps["ref"].GetString(), firstSession.SessionProps["step"].GetInt32()));
        Assert.Equal(["next"], secondSession.EventNames);
        Assert.Equal("$anon:" + second, secondSession.UserKey);
    }

    [Fact]
    public async Task Without_cookies_the_session_id_lives_in_localStorage_and_survives_a_reload()
    {
        // A browser that refuses this site's cookies: writes vanish and reads find nothing.
        const string noCookies = """
            Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {}, configurable: true });
            """;
        await using var page = await ClientPage.OpenAsync(chromium, host, site, ClientPages.Constructor(host.BaseAddress, "om.logEvent('first');"), noCookies);
        var sessionId = await page.Page.EvaluateAsync<string?>("() => localStorage.getItem('_metricId')");
        await page.FlushAsync();

        await page.Page.ReloadAsync();
        await page.Page.WaitForFunctionAsync("() => window.om");
        await page.EvaluateAsync("() => { om.logEvent('after-reload'); return om.flush(); }");
        await host.ProcessIngestAsync();

        Assert.NotNull(sessionId);
        Assert.Null(await page.CookieSessionIdAsync());
        Assert.Equal(sessionId, await page.Page.EvaluateAsync<string?>("() => localStorage.getItem('_metricId')"));
        Assert.Equal(["first", "first", "after-reload"], (await host.ReadSessionAsync(sessionId)).EventNames);
    }
}
