using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Apps.Hosting;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Ingest;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Ingest;

/// <summary>
/// The per-IP and per-session rate limits, through the handler the ingest functions call, on the real (Azurite)
/// ingest queue, with tiny limits and a clock the test moves: nothing here waits for time to pass.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class IngestRateLimitTests(LocalHostFixture host) : IAsyncLifetime
{
    // 10:00:20 UTC: the one-minute window of these calls ends in 40 s.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Past_the_per_IP_limit_a_call_gets_429_with_Retry_After_until_the_window_ends_and_nothing_is_enqueued()
    {
        await using var services = Services(perIp: 3, perSession: 100);
        var ingest = services.GetRequiredService<IngestService>();

        var answers = new List<HttpAnswer>();
        for (var n = 0; n < 5; n++)
        {
            answers.Add(await ingest.HandleAsync(V1Call.Events, Post($"s{n}", forwardedFor: "203.0.113.7:50122"), CancellationToken.None));
        }

        var otherAddress = await ingest.HandleAsync(V1Call.Events, Post("s9", forwardedFor: "198.51.100.2"), CancellationToken.None);

        Assert.Equal([200, 200, 200, 429, 429], answers.Select(a => a.Status));
        Assert.Equal("40", answers[3].Headers["Retry-After"]);
        Assert.Equal("Retry-After", answers[3].Headers["Access-Control-Expose-Headers"]);
        Assert.Equal("*", answers[3].Headers["Access-Control-Allow-Origin"]);
        Assert.Equal(200, otherAddress.Status);
        Assert.Equal(4, (await host.ReadIngestQueueAsync()).Count);
    }

    [Fact]
    public async Task The_limit_starts_over_when_the_clock_reaches_the_next_window()
    {
        await using var services = Services(perIp: 2, perSession: 100);
        var ingest = services.GetRequiredService<IngestService>();
        await ingest.HandleAsync(V1Call.Events, Post("a", forwardedFor: "203.0.113.7"), CancellationToken.None);
        await ingest.HandleAsync(V1Call.Events, Post("a", forwardedFor: "203.0.113.7"), CancellationToken.None);
        var limited = await ingest.HandleAsync(V1Call.Events, Post("a", forwardedFor: "203.0.113.7"), CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(39));
        var stillLimited = await ingest.HandleAsync(V1Call.Events, Post("a", forwardedFor: "203.0.113.7"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var nextWindow = await ingest.HandleAsync(V1Call.Events, Post("a", forwardedFor: "203.0.113.7"), CancellationToken.None);

        Assert.Equal((429, 429, 200), (limited.Status, stillLimited.Status, nextWindow.Status));
        Assert.Equal("1", stillLimited.Headers["Retry-After"]);
        Assert.Equal(3, (await host.ReadIngestQueueAsync()).Count);
    }

    [Fact]
    public async Task Past_the_per_session_limit_that_session_gets_429_and_others_from_the_same_address_do_not()
    {
        await using var services = Services(perIp: 100, perSession: 2);
        var ingest = services.GetRequiredService<IngestService>();

        var busy = new List<int>();
        for (var n = 0; n < 3; n++)
        {
            busy.Add((await ingest.HandleAsync(V1Call.Events, Post("busy", forwardedFor: "203.0.113.7"), CancellationToken.None)).Status);
        }

        // The GET pixel form (unencoded JSON in q) counts against its session too.
        var pixel = await ingest.HandleAsync(V1Call.SetSessionProps, Get("""?q={"sessionId":"busy","props":{"a":1}}""", "203.0.113.7"), CancellationToken.None);
        var quiet = await ingest.HandleAsync(V1Call.Events, Post("quiet", forwardedFor: "203.0.113.7"), CancellationToken.None);

        Assert.Equal([200, 200, 429], busy);
        Assert.Equal(429, pixel.Status);
        Assert.Equal("40", pixel.Headers["Retry-After"]);
        Assert.Equal(200, quiet.Status);
        Assert.Equal(3, (await host.ReadIngestQueueAsync()).Count);
    }

    [Fact]
    public async Task The_address_is_the_last_one_in_X_Forwarded_For_so_a_forged_first_entry_does_not_escape_the_limit()
    {
        await using var services = Services(perIp: 2, perSession: 100);
        var ingest = services.GetRequiredService<IngestService>();

        var statuses = new List<int>();
        foreach (var forged in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" })
        {
            var answer = await ingest.HandleAsync(V1Call.Events, Get($$"""?q={"sessionId":"{{forged}}","events":[{"name":"pixel"}]}""", $"{forged}, 203.0.113.7:4431"), CancellationToken.None);
            statuses.Add(answer.Status);
        }

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task With_limits_of_zero_nothing_is_limited()
    {
        await using var services = Services(perIp: 0, perSession: 0);
        var ingest = services.GetRequiredService<IngestService>();

        var statuses = new List<int>();
        for (var n = 0; n < 20; n++)
        {
            statuses.Add((await ingest.HandleAsync(V1Call.Events, Post("same", forwardedFor: "203.0.113.7"), CancellationToken.None)).Status);
        }

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(20, (await host.ReadIngestQueueAsync()).Count);
    }

    private ServiceProvider Services(int perIp, int perSession)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenMetrics:Ingest:RateLimits:CallsPerIp"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenMetrics:Ingest:RateLimits:CallsPerSession"] = perSession.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenMetrics:Ingest:RateLimits:Window"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(StorageAccount.FromConnectionString(host.Azurite.ConnectionString));
        services.AddOpenMetricsIngest(configuration);
        return services.BuildServiceProvider();
    }

    private static HttpRequest Post(string sessionId, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"sessionId":"{{sessionId}}","events":[{"name":"signup"}]}"""));
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context.Request;
    }

    private static HttpRequest Get(string rawQuery, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString(rawQuery);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context.Request;
    }
}
