using Microsoft.Extensions.Logging;

namespace OpenMetrics.Core.Ingest;

/// <summary>The ingest app's log lines, generated at compile time so a disabled level costs nothing.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Kind} call with {Status}: {Error}")]
    public static partial void CallRefused(ILogger logger, V1Call kind, int status, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused event {Index} of call {CallId}: {Error}")]
    public static partial void EventRefused(ILogger logger, int index, string callId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage did not accept {Kind} call {CallId}; answered 503")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception, V1Call kind, string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answered 503: {Reason}. Calls are not checked, and nothing is stored, until the app restarts with readable write keys")]
    public static partial void WriteKeysUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the {Count} refused events of call {CallId}")]
    public static partial void RejectionsNotRecorded(ILogger logger, Exception exception, int count, string callId);
}
