using Microsoft.Extensions.Logging;

namespace OpenMetrics.Core.Aggregation;

/// <summary>The compactor's log lines, generated at compile time so a disabled level costs nothing.</summary>
internal static partial class CompactionLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not compact {Work} in partition {Partition}; the next run tries it again")]
    public static partial void Failed(ILogger logger, Exception exception, string work, string partition);
}
