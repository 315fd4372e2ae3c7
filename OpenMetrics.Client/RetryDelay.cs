using System.Net.Http.Headers;

namespace OpenMetrics.Client;

/// <summary>How long to wait before trying failed calls again: what the server asked for, or an exponential backoff.</summary>
internal static class RetryDelay
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The server's Retry-After when it sent one (the ingest app answers 503 with one when storage is unreachable);
    /// otherwise 1 s, 2 s, 4 s... up to <paramref name="max"/>, each between half and all of that, so that many
    /// clients that failed together do not come back together.
    /// </summary>
    public static TimeSpan Next(int failures, TimeSpan? retryAfter, TimeSpan max)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > max ? max : asked;
        }

        var backoff = First.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(backoff, max.TotalMilliseconds);
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() / 2));
#pragma warning restore CA5394
    }

    /// <summary>Retry-After as seconds or as a date (RFC 9110).</summary>
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now) =>
        header?.Delta ?? (header?.Date is { } date ? date - now : null);
}
