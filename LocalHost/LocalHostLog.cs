namespace OpenMetrics.LocalHost;

/// <summary>The local host's own log lines (its queue poller and timer runner), generated at compile time.</summary>
internal static partial class LocalHostLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on queue message {QueueMessageId}, try {DequeueCount} of {MaxDequeueCount}")]
    public static partial void TryFailed(ILogger logger, Exception exception, string function, string queueMessageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved queue message {QueueMessageId} to {PoisonQueue} after {DequeueCount} tries")]
    public static partial void MovedToPoison(ILogger logger, string queueMessageId, string poisonQueue, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not poll the queue {Queue}; polling again in {RetryDelay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string queue, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete, hide or move queue message {QueueMessageId} of {Queue}; it reappears after its lease")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string queueMessageId, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string function);
}
