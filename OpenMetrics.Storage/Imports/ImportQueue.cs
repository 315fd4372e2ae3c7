using Azure.Storage.Queues;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Imports;

/// <summary>The <c>imports</c> queue: one message per chunk of a finished upload, kept until processed (no expiry, as the ingest queue).</summary>
public sealed class ImportQueue(QueueClient queue)
{
    private volatile bool _created;

    public async Task SendAsync(IEnumerable<ImportChunkMessage> messages, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }

        foreach (var message in messages)
        {
            await queue.SendMessageAsync(message.ToBody(), visibilityTimeout: null, timeToLive: MessageLifetime.Forever, cancellationToken);
        }
    }
}
