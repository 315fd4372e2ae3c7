using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage;

/// <summary>
/// Puts accepted calls on the ingest queue. A message too large for the queue is claim-checked: its JSON is
/// written to a blob first, then a small envelope naming the blob is enqueued, so the message is durable
/// before anything answers <c>ok</c>.
/// </summary>
public sealed class IngestQueue(QueueClient queue, BlobContainerClient claims) : IAsyncDisposable
{
    private readonly StorageReadiness _ready = new(async cancellationToken =>
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await claims.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    });

    public static IngestQueue Create(StorageAccount account) => new(
        account.Queues().GetQueueClient(StorageNames.IngestQueue),
        account.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer));

    public QueueClient Queue => queue;

    public BlobContainerClient Claims => claims;

    /// <summary>Sends every message of one call; returns when all are stored.</summary>
    public async Task EnqueueAsync(IReadOnlyList<EncodedMessage> messages, CancellationToken cancellationToken)
    {
        await _ready.EnsureAsync(cancellationToken);
        foreach (var message in messages)
        {
            var body = message.NeedsClaimCheck ? await ClaimCheckAsync(message, cancellationToken) : message.Json;
            await queue.SendMessageAsync(BinaryData.FromBytes(body), visibilityTimeout: null, timeToLive: MessageLifetime.Forever, cancellationToken);
        }
    }

    private async Task<byte[]> ClaimCheckAsync(EncodedMessage message, CancellationToken cancellationToken)
    {
        var blobName = $"{message.Message.ReceivedAt:yyyy/MM/dd}/{message.Id}.json";
        await claims.UploadBlobAsync(blobName, BinaryData.FromBytes(message.Json), cancellationToken);
        var envelope = message.Message with { Events = null, Props = null, UserId = null, ClaimCheck = blobName };
        return IngestMessageBuilder.Serialize(envelope);
    }

    public ValueTask DisposeAsync() => _ready.DisposeAsync();
}
