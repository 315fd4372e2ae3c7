using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// Where an event sits in a timeline. Newest first by time, then by receive time and by position in the call, so that
/// events sent with the same timestamp come in the reverse of the order they were sent (docs/semantics.md); the
/// session and the event id only make the order total, so that a cursor never skips or repeats an event.
/// </summary>
public sealed record TimelinePosition(DateTimeOffset Ts, DateTimeOffset ReceivedAt, int Seq, string SessionId, string EventId)
{
    /// <summary>Orders the newest event first.</summary>
    public static readonly IComparer<TimelinePosition> NewestFirst = Comparer<TimelinePosition>.Create((a, b) => Compare(b, a));

    public static readonly IComparer<TimelinePosition> OldestFirst = Comparer<TimelinePosition>.Create(Compare);

    public static TimelinePosition Of(StoredEvent stored) => new(stored.Ts, stored.ReceivedAt, stored.Seq, stored.SessionId, stored.EventId);

    /// <summary>Oldest first: negative when <paramref name="a"/> happened before <paramref name="b"/>.</summary>
    public static int Compare(TimelinePosition a, TimelinePosition b)
    {
        var order = a.Ts.UtcTicks.CompareTo(b.Ts.UtcTicks);
        if (order == 0)
        {
            order = a.ReceivedAt.UtcTicks.CompareTo(b.ReceivedAt.UtcTicks);
        }

        if (order == 0)
        {
            order = a.Seq.CompareTo(b.Seq);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.SessionId, b.SessionId);
        }

        return order != 0 ? order : string.CompareOrdinal(a.EventId, b.EventId);
    }
}
