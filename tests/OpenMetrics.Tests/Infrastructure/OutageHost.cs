using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A real Azurite keeping its data in a folder of its own (so that it can be killed and started again) and a local
/// host in front of it with its queue poller and timers running, for one fault test. Storage tries time out after
/// <see cref="NetworkTimeout"/>, so that a v1 call gives up (503) well inside an outage of 15 s.
/// </summary>
public sealed class OutageHost : IAsyncDisposable
{
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);

    private readonly string _dataFolder;
    private readonly WebApplication _app;

    private OutageHost(string dataFolder, AzuriteProcess azurite, WebApplication app, int port)
    {
        _dataFolder = dataFolder;
        Azurite = azurite;
        _app = app;
        Storage = StorageAccount.FromConnectionString(azurite.ConnectionString);
        Http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        Api = new HttpClient { BaseAddress = Http.BaseAddress };
        Api.DefaultRequestHeaders.Add(OpenMetrics.Apps.Query.Access.QueryKey.Header, LocalHostFixture.QueryKey);
    }

    public AzuriteProcess Azurite { get; }

    public StorageAccount Storage { get; }

    public HttpClient Http { get; }

    /// <summary>A client of the query API: every call carries the query key.</summary>
    public HttpClient Api { get; }

    /// <summary>True once the host has begun to stop, which a background loop that gave up would cause.</summary>
    public bool IsStopping => _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    public static async Task<OutageHost> StartAsync()
    {
        var dataFolder = Directory.CreateTempSubdirectory("openmetrics-outage-").FullName;
        var azurite = await AzuriteProcess.StartAsync(AzuritePorts.Free(), dataFolder);
        var port = AzuritePorts.FreePort();
        var app = LocalHostApp.Build(new LocalHostOptions
        {
            Port = port,
            StorageConnectionString = azurite.ConnectionString,
            StartAzurite = false,
            QueryKey = LocalHostFixture.QueryKey,
            VisibilityTimeoutOverride = TimeSpan.FromSeconds(1),
            ProcessingLease = TimeSpan.FromSeconds(10),
            StorageClientOptions = new StorageClientOptions { NetworkTimeout = NetworkTimeout },
        });
        await app.StartAsync();
        return new OutageHost(dataFolder, azurite, app, port);
    }

    /// <summary>Waits until every ingest message has been processed: the queue counts hidden messages too.</summary>
    public Task DrainAsync(TimeSpan limit) => Eventually.MatchesAsync(
        async () => (await Storage.Queues().GetQueueClient(StorageNames.IngestQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount,
        length => length == 0,
        limit);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Api.Dispose();
        await _app.DisposeAsync();
        await Azurite.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
