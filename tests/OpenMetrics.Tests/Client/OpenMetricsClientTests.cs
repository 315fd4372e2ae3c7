using OpenMetrics.Client;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Client;

/// <summary>The .NET client against the real local host (and Azurite), checked by what the system stored.</summary>
[Collection(ClientCollection.Name)]
public sealed class OpenMetricsClientTests(ClientHostFixture host)
{
    [Fact]
    public async Task Every_call_of_every_session_is_stored_in_order_exactly_once()
    {
        var (first, second, userId) = (NewId("a"), NewId("b"), NewId("user"));
        await using var client = NewClient();

        client.SetUserProperties(first, new { plan = "free", seats = 1 });
        client.LogEvent(first, "signup", new { source = "ad" });
        client.LogEvent(second, "visit");
        client.SetUserId(first, userId);
        client.SetUserProperties(first, new Dictionary<string, object> { ["plan"] = "pro" });
        client.LogEvent(first, "invoice paid", new { amount = 120.5, lines = new[] { "a", "b" } });
        client.SetSessionProperties(second, new { step = 1 });
        client.LogEvent(second, "emailed", active: false);
        client.SetSessionProperties(second, new { step = 2 });
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await host.ProcessIngestAsync();
        var a = await host.ReadSessionAsync(first);
        var b = await host.ReadSessionAsync(second);

        Assert.Equal(["signup", "invoice paid"], a.EventNames);
        Assert.Equal(120.5, a.Events[1].Props!.Value.GetProperty("amount").GetDouble());
        Assert.Equal(userId, a.UserKey);
        Assert.Equal(("pro", 1), (a.UserProps["plan"].GetString(), a.UserProps["seats"].GetInt32()));
        Assert.Equal(["visit", "emailed"], b.EventNames);
        Assert.Equal([true, false], b.Events.Select(e => e.Active));
        Assert.Equal(2, b.SessionProps["step"].GetInt32());
    }

    [Fact]
    public async Task Events_whose_answer_was_lost_are_sent_again_and_stored_once()
    {
        var session = NewId("lost");
        using var observed = new ObservedHandler(answersToLose: 1);
        await using var client = NewClient(observed);

        for (var n = 1; n <= 5; n++)
        {
            client.LogEvent(session, $"e{n}", new { n });
        }

        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(session);

        Assert.Equal([200, 200], observed.Answers.Select(a => a.Status));
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], stored.EventNames);
    }

    [Fact]
    public async Task A_503_is_tried_again_after_its_Retry_After_and_nothing_is_lost()
    {
        var session = NewId("outage");
        using var observed = new ObservedHandler();
        await using var client = NewClient(observed);
        host.Outage.Begin();
        try
        {
            client.LogEvent(session, "o1");
            client.SetSessionProperties(session, new { during = "outage" });
            client.LogEvent(session, "o2");
            _ = client.FlushAsync();
            await Eventually.MatchesAsync(() => Task.FromResult(observed.Answers.Count(a => a.Status == 503)), count => count >= 1, TimeSpan.FromSeconds(60));
            client.LogEvent(session, "o3");
        }
        finally
        {
            host.Outage.End();
        }

        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(session);

        Assert.Equal(["o1", "o2", "o3"], stored.EventNames);
        Assert.Equal("outage", stored.SessionProps["during"].GetString());
        var answers = observed.Answers.ToList();
        var firstFailure = answers.First(a => a.Status == 503).At;
        var nextTry = answers.First(a => a.At > firstFailure).At;
        Assert.True(nextTry - firstFailure >= TimeSpan.FromSeconds(4), $"tried again after {nextTry - firstFailure}, sooner than Retry-After");
    }

    [Fact]
    public async Task Disposing_sends_everything_still_queued_and_later_calls_are_dropped_quietly()
    {
        var session = NewId("dispose");
        // Nothing would go out on its own for an hour: only the dispose sends.
        var client = NewClient(options: o => o.FlushInterval = TimeSpan.FromHours(1));
        for (var n = 1; n <= 50; n++)
        {
            client.LogEvent(session, $"e{n}");
        }

        client.SetUserProperties(session, new { last = true });
        await client.DisposeAsync();
        client.LogEvent(session, "after dispose");
        var stored = await host.WaitForSessionAsync(session, 50);

        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"e{n}"), stored.EventNames);
        Assert.True(stored.UserProps["last"].GetBoolean());
    }

    [Fact]
    public async Task Past_the_queue_limit_the_oldest_events_are_dropped()
    {
        var session = NewId("bounded");
        var client = NewClient(options: o => (o.FlushInterval, o.MaxQueueSize) = (TimeSpan.FromHours(1), 10));
        for (var n = 1; n <= 30; n++)
        {
            client.LogEvent(session, $"q{n}");
        }

        await client.DisposeAsync();
        await host.ProcessIngestAsync();

        Assert.Equal(Enumerable.Range(21, 10).Select(n => $"q{n}"), (await host.ReadSessionAsync(session)).EventNames);
    }

    [Fact]
    public async Task A_call_the_server_refuses_is_dropped_without_holding_up_the_next_ones()
    {
        var session = NewId("refused");
        await using var client = NewClient();
        var tooManyKeys = Enumerable.Range(0, 300).ToDictionary(n => $"k{n}", n => (object)n);

        client.LogEvent(session, "before");
        client.SetUserProperties(session, tooManyKeys);
        client.LogEvent(session, "after");
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await host.ProcessIngestAsync();
        var stored = await host.ReadSessionAsync(session);

        Assert.Equal(["before", "after"], stored.EventNames);
        Assert.Empty(stored.UserProps);
    }

    [Fact]
    public async Task Props_that_are_not_a_json_object_are_refused_at_the_call()
    {
        await using var client = NewClient();

        Assert.Throws<ArgumentException>(() => client.LogEvent("s", "e", 42));
        Assert.Throws<ArgumentException>(() => client.SetUserProperties("s", new[] { 1, 2 }));
        Assert.Throws<ArgumentException>(() => client.LogEvent("s", new string('x', 256)));
        Assert.Throws<ArgumentException>(() => client.LogEvent("", "e"));
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private OpenMetricsClient NewClient(HttpMessageHandler? handler = null, Action<OpenMetricsClientOptions>? options = null)
    {
        var settings = new OpenMetricsClientOptions { ServerUrl = host.BaseAddress, ShutdownTimeout = TimeSpan.FromSeconds(30) };
        options?.Invoke(settings);
        return new OpenMetricsClient(settings, handler is null ? null : new HttpClient(handler, disposeHandler: false));
    }
}
