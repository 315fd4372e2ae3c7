using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// The per-address and per-session limits of <see cref="IngestRateLimits"/>: a call past either is answered 429 with
/// Retry-After (the seconds until its window ends) and nothing is stored. Both clients retry a 429 after that wait.
/// </summary>
public sealed class IngestRateLimiter : IDisposable
{
    private readonly CallWindows? _perAddress;
    private readonly CallWindows? _perSession;

    public IngestRateLimiter(IngestRateLimits limits, TimeProvider clock)
    {
        if ((limits.CallsPerIp > 0 || limits.CallsPerSession > 0) && limits.Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{IngestRateLimits.Section}:Window must be positive, not {limits.Window}.");
        }

        _perAddress = limits.CallsPerIp > 0 ? new CallWindows(limits.CallsPerIp, limits.Window, clock) : null;
        _perSession = limits.CallsPerSession > 0 ? new CallWindows(limits.CallsPerSession, limits.Window, clock) : null;
    }

    public IngestRejection? ForAddress(string address) =>
        _perAddress?.TryTake(address) is { } wait ? TooMany("from this address", wait) : null;

    public IngestRejection? ForSession(string sessionId) =>
        _perSession?.TryTake(sessionId) is { } wait ? TooMany("for this session", wait) : null;

    public void Dispose()
    {
        _perAddress?.Dispose();
        _perSession?.Dispose();
    }

    private static IngestRejection TooMany(string whose, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return IngestRejection.TooManyRequests($"too many calls {whose}; nothing was stored, retry in {seconds} s", seconds);
    }
}
