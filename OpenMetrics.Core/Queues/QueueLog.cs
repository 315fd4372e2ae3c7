using Microsoft.Extensions.Logging;

namespace OpenMetrics.Core.Queues;

/// <summary>The queue handlers' log lines, generated at compile time so a disabled level costs nothing.</summary>
internal static partial class QueueLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest message {MessageId} (queue message {QueueMessageId}) failed its last try ({DequeueCount}); it goes to the poison queue")]
    public static partial void GivenUp(ILogger logger, Exception exception, string? messageId, string queueMessageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record why queue message {QueueMessageId} failed")]
    public static partial void FailureNotRecorded(ILogger logger, Exception exception, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} poison messages from {PoisonQueue} to {Queue}")]
    public static partial void Replayed(ILogger logger, int count, string poisonQueue, string queue);
}
