using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenMetrics.Client;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Client;

/// <summary><c>services.AddOpenMetricsClient</c> in a generic host, as a worker service or an ASP.NET Core app has one.</summary>
[Collection(ClientCollection.Name)]
public sealed class AddOpenMetricsClientTests(ClientHostFixture host)
{
    [Fact]
    public async Task The_host_stopping_sends_what_is_queued_before_the_container_is_disposed()
    {
        var session = $"hosted-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpenMetricsClient(options => (options.ServerUrl, options.FlushInterval) = (host.BaseAddress, TimeSpan.FromHours(1)));
        using var app = builder.Build();
        await app.StartAsync();
        var client = app.Services.GetRequiredService<IOpenMetricsClient>();

        client.SetSessionProperties(session, new { worker = "billing" });
        client.LogEvent(session, "job started");
        client.LogEvent(session, "job finished");
        await app.StopAsync();
        // Read while the container, and so the client, is still alive: the stop sent them, not a dispose.
        var stored = await host.WaitForSessionAsync(session, 2);

        Assert.Same(app.Services.GetRequiredService<OpenMetricsClient>(), client);
        Assert.Equal(["job started", "job finished"], stored.EventNames);
        Assert.Equal("billing", stored.SessionProps["worker"].GetString());
    }

    [Fact]
    public async Task Calls_made_after_the_host_stopped_are_sent_when_the_container_is_disposed()
    {
        var session = $"late-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpenMetricsClient(options => (options.ServerUrl, options.FlushInterval) = (host.BaseAddress, TimeSpan.FromHours(1)));
        var app = builder.Build();
        await app.StartAsync();
        var client = app.Services.GetRequiredService<IOpenMetricsClient>();
        await app.StopAsync();

        // A request that was still finishing when the host stopped.
        client.LogEvent(session, "late");
        await ((IAsyncDisposable)app).DisposeAsync();
        var stored = await host.WaitForSessionAsync(session, 1);

        Assert.Equal(["late"], stored.EventNames);
    }

    [Fact]
    public async Task A_missing_server_address_stops_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpenMetricsClient(_ => { });
        using var app = builder.Build();

        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
    }
}
