using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>The rate limits through the real v1 routes of a local host: on only when set, and then 429 with Retry-After.</summary>
[Collection(StorageCollection.Name)]
public sealed class RateLimitTests(LocalHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Set_on_the_local_host_the_GET_pixel_and_POST_routes_answer_429_with_Retry_After_past_the_limit()
    {
        await using var limited = await SecondHost.StartAsync(host.Azurite.ConnectionString,
            "--OpenMetrics:Ingest:RateLimits:CallsPerIp=2", "--OpenMetrics:Ingest:RateLimits:Window=01:00:00");

        var (first, _) = await RawHttp.GetAsync(limited.Port, """/v1/events?q={"sessionId":"px","events":[{"name":"pixel"}]}""");
        var (second, _) = await RawHttp.GetAsync(limited.Port, """/v1/createUser?q={"sessionId":"px"}""");
        var (third, body) = await RawHttp.GetAsync(limited.Port, """/v1/events?q={"sessionId":"px","events":[{"name":"pixel"}]}""");
        using var post = await limited.Http.PostAsync("/v1/events", new StringContent("""{"sessionId":"px","events":[{"name":"e"}]}""", Encoding.UTF8, "application/json"));
        using var ping = await limited.Http.GetAsync("/v1/ping");

        Assert.Equal((200, 200, 429), (first, second, third));
        Assert.Contains("too many calls", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, post.StatusCode);
        Assert.InRange(post.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(2, (await host.ReadIngestQueueAsync()).Count);
    }

    [Fact]
    public async Task Unset_on_the_local_host_there_is_no_limit()
    {
        var limits = host.Services.GetRequiredService<IngestRateLimits>();

        Assert.Equal((0, 0), (limits.CallsPerIp, limits.CallsPerSession));
    }

    [Fact]
    public void Unset_elsewhere_the_defaults_are_generous()
    {
        var limits = new IngestRateLimits();

        Assert.Equal((6000, 600, TimeSpan.FromMinutes(1)), (limits.CallsPerIp, limits.CallsPerSession, limits.Window));
    }
}
