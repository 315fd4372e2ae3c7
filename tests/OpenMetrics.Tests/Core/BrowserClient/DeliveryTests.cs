using Microsoft.Playwright;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>What the browser client does when the page goes away or the network and the server fail: nothing is lost, nothing counts twice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliveryTests(ChromiumFixture chromium, ClientHostFixture host, StaticSite site)
{
    [Fact]
    public async Task A_page_closed_right_after_logging_still_delivers_with_sendBeacon()
    {
        // Counts beacons where a later page of the same site can read them; each still goes out as the browser sends it.
        const string countBeacons = """
            const send = navigator.sendBeacon.bind(navigator);
            navigator.sendBeacon = (url, data) => {
              localStorage.setItem('beacons', String(Number(localStorage.getItem('beacons') || 0) + 1));
              return send(url, data);
            };
            """;
        await using var page = await ClientPage.OpenAsync(chromium, host, site, ClientPages.Constructor(host.BaseAddress, "om.logEvent('opened');"), countBeacons);
        var sessionId = await page.CookieSessionIdAsync();
        await page.FlushAsync();

        // Fewer than five, right after a send: the client would wait a second before its next request.
        await page.EvaluateAsync("() => { om.logEvent('clicked', {n: 1}); om.logEvent('leaving', {n: 2}); om.setUserProperties({left: true}); }");
        await page.Page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        var stored = await host.WaitForSessionAsync(sessionId!, 3);
        var later = await page.Context.NewPageAsync();
        await later.GotoAsync(site.Put("/later.html", "<!doctype html><title>later</title>").ToString());

        Assert.Equal(["opened", "clicked", "leaving"], stored.EventNames);
        Assert.True(stored.UserProps["left"].GetBoolean());
        // At least one beacon carried the last calls. Two when the page closes within the client's one-second wait; on a
        // machine slow enough to let that wait pass, one of them goes by fetch first, which is just as delivered.
        Assert.True(int.Parse(await later.EvaluateAsync<string?>("() => localStorage.getItem('beacons')") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task A_server_answering_503_for_a_while_loses_nothing_once_it_recovers()
    {
        await using var page = await ClientPage.OpenAsync(chromium, host, site, ClientPages.Constructor(host.BaseAddress, ""));
        var sessionId = await page.CookieSessionIdAsync();
        host.Outage.Begin();
        try
        {
            await page.EvaluateAsync("() => { om.logEvent('o1'); om.setUserProperties({during: 'outage'}); om.logEvent('o2'); }");
            await Eventually.MatchesAsync(() => Task.FromResult(page.Answers.Count(a => a.Status == 503)), count => count >= 2, TimeSpan.FromSeconds(60));
            await page.EvaluateAsync("() => { for (let n = 3; n <= 8; n++) om.logEvent('o' + n); }");
        }
        finally
        {
            host.Outage.End();
        }

        await page.FlushAsync();
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(sessionId!);

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"o{n}"), stored.EventNames);
        Assert.Equal("outage", stored.UserProps["during"].GetString());
        // The server asked for 5 s (Retry-After); the client waited that long before each new try.
        var attempts = page.Calls.Select(c => c.At).Order().ToList();
        var failures = page.Answers.Where(a => a.Status == 503).Select(a => a.At).ToList();
        Assert.All(failures, failed => Assert.True(
            attempts.Where(at => at > failed).DefaultIfEmpty(DateTime.MaxValue).Min() - failed >= TimeSpan.FromSeconds(4),
            $"a try came sooner than Retry-After after the 503 at {failed:O}"));
    }

    [Fact]
    public async Task A_call_whose_answer_is_lost_is_sent_again_and_its_events_count_once()
    {
        await using var page = await ClientPage.OpenAsync(chromium, host, site, ClientPages.Constructor(host.BaseAddress, ""));
        var sessionId = await page.CookieSessionIdAsync();
        var delivered = 0;
        // The first call reaches the real server, which stores it; the browser then sees the connection reset.
        await page.Page.RouteAsync(new Uri(host.BaseAddress, "/v1/events").ToString() + "**", async route =>
        {
            if (Interlocked.Increment(ref delivered) == 1)
            {
                await using var _ = await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await page.EvaluateAsync("() => { om.logEvent('r1'); om.logEvent('r2'); om.logEvent('r3'); return om.flush(); }");
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(sessionId!);

        Assert.True(delivered >= 2, "the client never sent the call again");
        Assert.Equal(["r1", "r2", "r3"], stored.EventNames);
    }

    [Fact]
    public async Task While_the_server_is_down_the_queue_is_bounded_and_the_oldest_events_go_first()
    {
        await using var page = await ClientPage.OpenAsync(chromium, host, site, ClientPages.Constructor(host.BaseAddress, "", "{maxQueue: 10}"));
        var sessionId = await page.CookieSessionIdAsync();
        host.Outage.Begin();
        try
        {
            await page.EvaluateAsync("() => { for (let n = 1; n <= 10; n++) om.logEvent('q' + n); }");
            await Eventually.MatchesAsync(() => Task.FromResult(page.Answers.Count(a => a.Status == 503)), count => count >= 1, TimeSpan.FromSeconds(60));
            await page.EvaluateAsync("() => { for (let n = 11; n <= 30; n++) om.logEvent('q' + n); }");
        }
        finally
        {
            host.Outage.End();
        }

        await page.FlushAsync();
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(sessionId!);

        Assert.Equal(Enumerable.Range(21, 10).Select(n => $"q{n}"), stored.EventNames);
        Assert.Equal(20, await page.Page.EvaluateAsync<int>("() => om.dropped"));
    }
}
