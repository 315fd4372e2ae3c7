using System.Threading.RateLimiting;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// Counts calls per key in fixed windows of the injected clock, with System.Threading.RateLimiting doing the counting
/// (thread-safe) and forgetting idle keys. Its limiters read the wall clock and take no TimeProvider, so the window a
/// call falls in is part of the partition key instead: each (key, window) partition is a limiter that never
/// replenishes while its window lasts, and a test moves its clock rather than waiting.
/// </summary>
internal sealed class CallWindows : IDisposable
{
    private readonly PartitionedRateLimiter<WindowKey> _limiter;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;

    public CallWindows(int permits, TimeSpan window, TimeProvider clock)
    {
        _window = window;
        _clock = clock;
        // AutoReplenishment off: the partitioned limiter replenishes such a limiter itself, and only once the window has
        // passed since the partition was made, by which time the clock has moved on to another partition. The library
        // then drops the idle partition.
        _limiter = PartitionedRateLimiter.Create<WindowKey, WindowKey>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = false }));
    }

    /// <summary>Takes one call for <paramref name="key"/>: null when allowed, otherwise how long until its window ends.</summary>
    public TimeSpan? TryTake(string key)
    {
        var now = _clock.GetUtcNow();
        var index = now.UtcTicks / _window.Ticks;
        using var lease = _limiter.AttemptAcquire(new WindowKey(key, index));
        return lease.IsAcquired ? null : new DateTimeOffset((index + 1) * _window.Ticks, TimeSpan.Zero) - now;
    }

    public void Dispose() => _limiter.Dispose();

    private readonly record struct WindowKey(string Key, long Window);
}
