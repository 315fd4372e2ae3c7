using Microsoft.Extensions.Logging;

namespace OpenMetrics.Client;

/// <summary>The client's log lines, generated at compile time.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenMetrics server did not take {Count} queued calls ({Reason}); trying again in {Delay}")]
    public static partial void WillRetry(ILogger logger, int count, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "The OpenMetrics server refused a {Route} call of session {SessionId} with {Status}: {Reason}; it is dropped")]
    public static partial void CallRefused(ILogger logger, string route, string sessionId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenMetrics server refused event {Index} of a call of session {SessionId}: {Reason}")]
    public static partial void EventRefused(ILogger logger, int index, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenMetrics queue is full ({Capacity} calls): dropped the {Count} oldest")]
    public static partial void Dropped(ILogger logger, int capacity, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenMetrics: a {Route} call of session {SessionId} was made after the client was disposed; it is dropped")]
    public static partial void AfterDispose(ILogger logger, string route, string sessionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The OpenMetrics client stopped with {Count} calls unsent: the server did not take them within {Timeout}")]
    public static partial void UnsentAtShutdown(ILogger logger, int count, TimeSpan timeout);
}
