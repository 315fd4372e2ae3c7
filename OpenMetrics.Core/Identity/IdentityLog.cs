using Microsoft.Extensions.Logging;

namespace OpenMetrics.Core.Identity;

internal static partial class IdentityLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Left out {Count} prop writes on {Partition}/{Row}: the row is at its cap of {MaxKeys} keys or {MaxBytes} bytes ({Dropped})")]
    public static partial void PropsDropped(ILogger logger, int count, string partition, string row, int maxKeys, int maxBytes, string dropped);
}
