using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Analysis;

/// <summary>
/// The order a user's events are taken in (docs/semantics.md: events with the same timestamp in the order they were sent):
/// by time, then by when the server received the call, then by position in the call. Session and event id only make
/// the order total, so that two runs over the same events agree.
/// </summary>
public sealed class EventOrder : IComparer<StoredEvent>
{
    public static EventOrder Instance { get; } = new();

    public int Compare(StoredEvent? x, StoredEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.Ts.UtcTicks.CompareTo(y.Ts.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byReceived = x.ReceivedAt.UtcTicks.CompareTo(y.ReceivedAt.UtcTicks);
        if (byReceived != 0)
        {
            return byReceived;
        }

        var bySeq = x.Seq.CompareTo(y.Seq);
        if (bySeq != 0)
        {
            return bySeq;
        }

        var bySession = string.CompareOrdinal(x.SessionId, y.SessionId);
        return bySession != 0 ? bySession : string.CompareOrdinal(x.EventId, y.EventId);
    }
}
