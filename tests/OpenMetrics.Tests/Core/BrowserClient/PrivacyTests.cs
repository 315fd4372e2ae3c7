using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>Opting out, and Do Not Track when the site asks for it to be respected: nothing is sent and no id is kept.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyTests(ChromiumFixture chromium, ClientHostFixture host, StaticSite site)
{
    private const string DoNotTrack = "Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1', configurable: true });";

    [Fact]
    public async Task After_optOut_nothing_is_sent_even_after_a_reload_until_optIn()
    {
        await using var page = await ClientPage.OpenAsync(chromium, host, site, ClientPages.Constructor(host.BaseAddress, ""));

        await page.EvaluateAsync("() => { om.optOut(); om.logEvent('hidden'); om.setUserProperties({a: 1}); return om.flush(); }");
        await page.Page.ReloadAsync();
        await page.Page.WaitForFunctionAsync("() => window.om");
        await page.EvaluateAsync("() => { om.logEvent('still-hidden'); return om.flush(); }");
        var sentWhileOut = page.Calls.Count;
        var cookieWhileOut = await page.CookieSessionIdAsync();

        await page.EvaluateAsync("() => { om.optIn(); om.logEvent('back'); return om.flush(); }");
        var sessionId = await page.CookieSessionIdAsync();
        await host.ProcessIngestAsync();

        Assert.Equal(0, sentWhileOut);
        Assert.Null(cookieWhileOut);
        Assert.Equal(["back"], (await host.ReadSessionAsync(sessionId!)).EventNames);
    }

    [Fact]
    public async Task Do_not_track_stops_the_client_only_when_the_site_asks_for_it()
    {
        await using var respecting = await ClientPage.OpenAsync(chromium, host, site,
            ClientPages.Constructor(host.BaseAddress, "om.logEvent('dnt');", "{respectDoNotTrack: true}"), DoNotTrack);
        await respecting.FlushAsync();
        await using var ignoring = await ClientPage.OpenAsync(chromium, host, site,
            ClientPages.Constructor(host.BaseAddress, "om.logEvent('dnt');"), DoNotTrack);
        await ignoring.FlushAsync();

        Assert.True(await respecting.Page.EvaluateAsync<bool>("() => navigator.doNotTrack === '1'"));
        Assert.Empty(respecting.Calls);
        Assert.Null(await respecting.CookieSessionIdAsync());
        Assert.Single(ignoring.Calls);
        Assert.NotNull(await ignoring.CookieSessionIdAsync());
    }
}
