using System.Net;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.LocalHost;

/// <summary>
/// Storage outages in the middle of a load, against a real Azurite and a local host running its queue poller and
/// timers: while storage cannot take a call the ingest answers 503 with Retry-After, never <c>ok</c>; the background
/// loops survive; and once storage is back every event answered <c>ok</c> is counted exactly once.
/// </summary>
public sealed class StorageOutageTests
{
    /// <summary>3 clients × 16 calls: 48 call ids, within the 50 values a pre-aggregate keeps per property and bucket.</summary>
    private const int Clients = 3;
    private const int CallsPerClient = 16;

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Azurite_paused_for_15_s_mid_load_gets_503s_and_after_resume_every_ok_is_counted_once()
    {
        await using var host = await OutageHost.StartAsync();

        await RunThroughOutageAsync(host, async () =>
        {
            // SIGSTOP: connections stay open and every storage request hangs until its try times out.
            host.Azurite.Pause();
            await Task.Delay(Outage);
            host.Azurite.Resume();
        });
    }

    [Fact]
    public async Task Azurite_killed_and_restarted_on_its_data_mid_load_gets_503s_and_every_ok_is_counted_once()
    {
        await using var host = await OutageHost.StartAsync();

        await RunThroughOutageAsync(host, async () =>
        {
            await host.Azurite.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
            await host.Azurite.StartAgainAsync();
        });
    }

    private static async Task RunThroughOutageAsync(OutageHost host, Func<Task> outage)
    {
        var load = new ProbeLoad(host.Http, Clients, CallsPerClient);
        var sending = load.RunAsync();
        await Eventually.MatchesAsync(() => Task.FromResult(load.OkCount), oks => oks >= 6, TimeSpan.FromSeconds(30));

        await outage();
        await sending;

        var unavailable = load.Answers.Values.Where(answer => answer.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, answer => Assert.Equal(TimeSpan.FromSeconds(5), answer.RetryAfter));
        Assert.All(unavailable, answer => Assert.NotEqual("ok", answer.Body));
        Assert.All(load.Answers.Values, answer => Assert.True(
            answer is { Status: HttpStatusCode.OK, Body: "ok" } || answer.Status == HttpStatusCode.ServiceUnavailable,
            $"{(int)answer.Status}: {answer.Body}"));
        Assert.True(load.OkCount > Clients, "calls after the outage are answered ok again");

        await host.DrainAsync(TimeSpan.FromSeconds(60));
        Assert.False(host.IsStopping, "a background loop stopped the host");

        var counted = await ProbeLoad.CountedPerCallAsync(host.Api);
        foreach (var (call, answer) in load.Answers)
        {
            var events = counted.GetValueOrDefault(call);
            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.True(events == ProbeLoad.EventsPerCall, $"call {call} was answered ok and counted {events} times for {ProbeLoad.EventsPerCall} events");
            }
            else
            {
                // A call that timed out may still have reached storage: counted once or not at all, never twice.
                Assert.True(events is 0 or ProbeLoad.EventsPerCall, $"call {call} was answered 503 and counted {events} events");
            }
        }
    }
}
