using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage.Imports;

namespace OpenMetrics.Apps.Queues;

/// <summary>
/// What the <c>ProcessImportChunk</c> queue function (and the local host's poller) runs for one chunk. As for the
/// ingest queue, a failure at the last try is handled here: the import ends <c>failed</c> with the reason, the message
/// goes to <c>imports-poison</c> never to expire, and the call returns so that the runtime deletes it.
/// </summary>
public sealed partial class ImportQueueHandler(ImportChunkProcessor processor, QueueClient poison, ILogger<ImportQueueHandler> logger)
{
    public async Task HandleAsync(BinaryData body, string queueMessageId, long dequeueCount, CancellationToken cancellationToken)
    {
        ImportChunkMessage? message = null;
        try
        {
            message = ImportChunkMessage.Parse(body);
            await processor.ProcessAsync(message, cancellationToken);
        }
        catch (Exception exception) when (dequeueCount >= FunctionCatalog.ProcessImportChunk.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            LogGivenUp(logger, exception, queueMessageId, dequeueCount);
            if (message is not null)
            {
                await processor.FailAsync(message, exception.Message.Split('\n')[0], cancellationToken);
            }

            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await poison.SendMessageAsync(body, visibilityTimeout: null, timeToLive: MessageLifetime.Forever, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import chunk {QueueMessageId} failed its try {DequeueCount}, the last: moved to imports-poison")]
    private static partial void LogGivenUp(ILogger logger, Exception exception, string queueMessageId, long dequeueCount);
}
