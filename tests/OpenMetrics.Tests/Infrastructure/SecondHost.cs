using Microsoft.AspNetCore.Builder;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Another real local host, with its own settings (<c>--Name=value</c>, as an operator passes them), in front of the
/// Azurite a collection fixture already runs. Its queue poller and timers are off: the fixture's own host (or the test)
/// takes what it enqueues off the same ingest queue. Cheaper than a second Azurite for a test that needs other settings.
/// </summary>
public sealed class SecondHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SecondHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        BaseAddress = new Uri($"http://localhost:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SecondHost> StartAsync(string storageConnectionString, params string[] settings)
    {
        var port = AzuritePorts.FreePort();
        var options = new LocalHostOptions
        {
            Port = port, StorageConnectionString = storageConnectionString, StartAzurite = false, RunQueues = false, RunTimers = false,
            QueryKey = LocalHostFixture.QueryKey,
        };
        var app = LocalHostApp.Build(options, settings);
        await app.StartAsync();
        return new SecondHost(app, port);
    }

    /// <summary>A second host whose ingest app requires a write key: any one of <paramref name="keys"/>.</summary>
    public static Task<SecondHost> RequiringWriteKeysAsync(string storageConnectionString, params string[] keys) =>
        StartAsync(storageConnectionString,
            ["--OpenMetrics:Ingest:RequireWriteKey=true", .. keys.Select((key, index) => $"--OpenMetrics:Ingest:WriteKeys:{index}={key}")]);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
