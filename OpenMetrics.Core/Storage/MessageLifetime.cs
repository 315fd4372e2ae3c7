namespace OpenMetrics.Core.Storage;

/// <summary>
/// How long a queue message lives. Every message carrying an <c>ok</c>'d call is sent with <see cref="Forever"/>:
/// the service's default of 7 days would silently drop a call the aggregation did not reach in time (a paused
/// app, a poison message waiting for its fix). Messages leave a queue only when processed, replayed or discarded.
/// </summary>
public static class MessageLifetime
{
    /// <summary>The time-to-live Azure Storage reads as "never expires" (-1 seconds).</summary>
    public static readonly TimeSpan Forever = TimeSpan.FromSeconds(-1);
}
