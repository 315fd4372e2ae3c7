using Microsoft.Extensions.Logging;

namespace OpenMetrics.Core.Queues;

/// <summary>The queue handlers' log lines, generated at compile time so a disabled level costs nothing.</summary>
internal static partial class QueueLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest message {MessageId} (queue message {QueueMessageId}) failed its last try ({DequeueCount}); it goes to the poison queue")]
    public static partial void GivenUp(ILogger logger, Exception exception, string? messageId, string queueMessageId, long dequeueCount);

    /// <summary>
    /// One line per processed message with its queue lag (from the call's <c>ok</c> to its final figures): in Application
    /// Insights, <c>customDimensions.LagMs</c> of these traces is the queue lag an operator watches (docs/deploy.md).
    /// </summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Processed ingest message {MessageId} ({Kind}, {Events} events), lag {LagMs} ms")]
    public static partial void Processed(ILogger logger, string messageId, Ingest.V1Call kind, int events, long lagMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record why queue message {QueueMessageId} failed")]
    public static partial void FailureNotRecorded(ILogger logger, Exception exception, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} poison messages from {PoisonQueue} to {Queue}")]
    public static partial void Replayed(ILogger logger, int count, string poisonQueue, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded poison message {PoisonMessageId} (ingest message {MessageId}, claim check {ClaimCheck}) from {PoisonQueue} on an operator's request")]
    public static partial void Discarded(ILogger logger, string poisonMessageId, string? messageId, string? claimCheck, string poisonQueue);
}
