using System.Globalization;
using Azure;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// How long a server asked to wait, read as Azure.Core reads it: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>,
/// then <c>Retry-After</c> in seconds or as an HTTP date (Azure.Core keeps its own reader internal).
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(Response response)
    {
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - DateTimeOffset.UtcNow
            : null;
    }
}
