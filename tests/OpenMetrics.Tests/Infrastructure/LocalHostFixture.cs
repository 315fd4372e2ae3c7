using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Ingest;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A real Azurite on free ports (in memory) and the real local host in front of it, started once for the storage
/// collection and stopped after it. Its queue poller is off: these tests read the ingest queue themselves.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private WebApplication? _app;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public StorageAccount Storage { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public int Port { get; private set; }

    /// <summary>The query key this host was started with.</summary>
    public const string QueryKey = "test-query-key";

    /// <summary>A client of the query API: every call carries the query key.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The local host's services, for a test that calls a handler the way a function class does.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The local host has not started.");

    public QueueClient IngestQueue => Storage.Queues().GetQueueClient(StorageNames.IngestQueue);

    public QueueClient PoisonQueue => Storage.Queues().GetQueueClient(StorageNames.IngestPoisonQueue);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(AzuritePorts.Free(), dataFolder: null);
        Storage = StorageAccount.FromConnectionString(_azurite.ConnectionString);
        Port = AzuritePorts.FreePort();
        var options = new LocalHostOptions { Port = Port, StorageConnectionString = _azurite.ConnectionString, StartAzurite = false, RunQueues = false, QueryKey = QueryKey };
        Configure(options);
        _app = LocalHostApp.Build(options, Arguments);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri($"http://localhost:{Port}") };
        Api = new HttpClient { BaseAddress = Http.BaseAddress };
        Api.DefaultRequestHeaders.Add(OpenMetrics.Apps.Query.Access.QueryKey.Header, QueryKey);
    }

    /// <summary>Command-line configuration for the local host (<c>--Name=value</c>), as an operator would pass it.</summary>
    protected virtual string[] Arguments => [];

    /// <summary>Changes the local host's options before it starts, for a fixture that needs it to run differently.</summary>
    protected virtual void Configure(LocalHostOptions options)
    {
    }

    /// <summary>POSTs a JSON payload to a v1 route and insists on the plain answer <c>ok</c>.</summary>
    public async Task PostOkAsync(string route, string json)
    {
        using var response = await Http.PostAsync(route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs a query to the query API (with the key) and returns the answer; anything but a success fails the test with the body.</summary>
    public async Task<System.Text.Json.JsonElement> PostQueryAsync(string route, string json)
    {
        using var response = await Api.PostAsync(route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>GETs a query API path (with the key) and returns the answer; anything but 200 fails the test with the path and body.</summary>
    public async Task<System.Text.Json.JsonElement> GetQueryAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Empties the ingest queue, so that a test reads only the messages it caused.</summary>
    public async Task ClearIngestQueueAsync()
    {
        await IngestQueue.CreateIfNotExistsAsync();
        await IngestQueue.ClearMessagesAsync();
    }

    /// <summary>
    /// Empties the ingest and the poison queue and makes sure the claim-check container exists, so that a poison test
    /// sees only the messages it put there.
    /// </summary>
    public async Task ClearIngestAndPoisonQueuesAsync()
    {
        await ClearIngestQueueAsync();
        await PoisonQueue.CreateIfNotExistsAsync();
        await PoisonQueue.ClearMessagesAsync();
        await Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer).CreateIfNotExistsAsync();
    }

    /// <summary>Every message now on the ingest queue, read (and claim checks resolved) by the core's own reader.</summary>
    public async Task<List<IngestMessage>> ReadIngestQueueAsync()
    {
        var reader = new IngestMessageReader(Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer));
        var messages = new List<IngestMessage>();
        while (true)
        {
            var batch = (await IngestQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(await reader.ReadAsync(message.Body, CancellationToken.None));
            }
        }
    }

    /// <summary>
    /// Processes every message on the ingest queue now, one after another in queue order, with the handler the queue
    /// function runs, and deletes each, as the aggregate app's poller would once a message succeeds; messages that
    /// processing adds are processed too. A message that fails fails the test: no test here expects a failure.
    /// </summary>
    public async Task ProcessIngestQueueAsync()
    {
        await IngestQueue.CreateIfNotExistsAsync();
        var handler = Services.GetRequiredService<IngestQueueHandler>();
        while (true)
        {
            var batch = (await IngestQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                await handler.HandleAsync(message.Body, message.MessageId, message.DequeueCount, CancellationToken.None);
                await IngestQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    /// <summary>Takes every message off the ingest queue, in queue order, as the raw bodies a queue trigger receives.</summary>
    public async Task<List<BinaryData>> TakeIngestQueueAsync()
    {
        var bodies = new List<BinaryData>();
        while (true)
        {
            var batch = (await IngestQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return bodies;
            }

            foreach (var message in batch)
            {
                bodies.Add(message.Body);
                await IngestQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
