using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Queues;

/// <summary>
/// Every message that carries an <c>ok</c>'d call is sent to never expire (the queue's default is 7 days), on the
/// ingest queue, on the poison queue and back on the ingest queue after a replay; a claim-check blob lives until
/// its message is processed.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class NeverExpiringMessagesTests(LocalHostFixture host) : IAsyncLifetime
{
    /// <summary>"Never" as the service states it: DateTimeOffset.MaxValue to the second, as its RFC 1123 header carries it.</summary>
    private static readonly DateTimeOffset Never = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_accepted_call_is_queued_to_never_expire_whether_inline_or_claim_checked()
    {
        await host.PostOkAsync("/v1/events", """{"sessionId":"small","events":[{"name":"tap"}]}""");
        await host.PostOkAsync("/v1/events", HugeCall());

        var peeked = (await host.IngestQueue.PeekMessagesAsync(32)).Value;

        Assert.Equal(2, peeked.Length);
        Assert.All(peeked, message => Assert.Equal(Never, message.ExpiresOn));
    }

    [Fact]
    public async Task A_message_that_fails_its_last_try_is_moved_to_poison_to_never_expire_and_replayed_to_never_expire()
    {
        var poison = await ClearedPoisonAsync();
        var message = TestMessages.Events(TestMessages.NewCallId()) with { V = 99 };
        var handler = host.Services.GetRequiredService<IngestQueueHandler>();

        await handler.HandleAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(message)), Guid.NewGuid().ToString(), FunctionCatalog.ProcessIngest.MaxDequeueCount, CancellationToken.None);

        var poisoned = Assert.Single((await poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(Never, poisoned.ExpiresOn);
        Assert.Equal(message.Id, JsonDocument.Parse(poisoned.Body).RootElement.GetProperty("id").GetString());

        await host.Services.GetRequiredService<PoisonQueue>().ReplayAsync(CancellationToken.None);

        var replayed = Assert.Single((await host.IngestQueue.PeekMessagesAsync(32)).Value);
        Assert.Equal(Never, replayed.ExpiresOn);
    }

    [Fact]
    public async Task A_claim_check_blob_is_kept_until_its_message_is_processed_then_deleted()
    {
        await host.PostOkAsync("/v1/events", HugeCall());
        var claims = host.Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer);
        var queued = Assert.Single((await host.IngestQueue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);
        var blob = claims.GetBlobClient(JsonDocument.Parse(queued.Body).RootElement.GetProperty("claimCheck").GetString());
        Assert.True((await blob.ExistsAsync()).Value);

        await host.Services.GetRequiredService<IngestQueueHandler>().HandleAsync(queued.Body, queued.MessageId, 1, CancellationToken.None);

        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_claim_checked_message_delivered_again_after_its_blob_was_deleted_completes_without_counting_again()
    {
        await host.PostOkAsync("/v1/events", HugeCall());
        var queued = Assert.Single((await host.IngestQueue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);
        var handler = host.Services.GetRequiredService<IngestQueueHandler>();
        await handler.HandleAsync(queued.Body, queued.MessageId, 1, CancellationToken.None);

        // The host stopped before the queue deleted the message: it comes back, its blob already gone.
        var exception = await Record.ExceptionAsync(() => handler.HandleAsync(queued.Body, queued.MessageId, 2, CancellationToken.None));

        Assert.Null(exception);
    }

    private async Task<Azure.Storage.Queues.QueueClient> ClearedPoisonAsync()
    {
        var poison = host.Storage.Queues().GetQueueClient(StorageNames.IngestPoisonQueue);
        await poison.CreateIfNotExistsAsync();
        await poison.ClearMessagesAsync();
        return poison;
    }

    /// <summary>One event larger than a queue message, so it is claim-checked.</summary>
    private static string HugeCall() => JsonSerializer.Serialize(new
    {
        sessionId = "huge",
        events = new[] { new { name = "upload", props = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}", i => new string((char)('a' + i), 8000)) } },
    });
}
