using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Streams;

/// <summary>
/// One event as a user's stream keeps it while the range is read: matched and grouped already, with just enough of its
/// identity to be put in <see cref="EventOrder"/> once all its days are in. About 40 bytes, where a
/// <see cref="Events.StoredEvent"/> with its properties is ten times that: this is what keeps a million-event funnel
/// in tens of megabytes.
/// </summary>
/// <param name="Tiebreak">A stable hash of the session and event id, standing in for <see cref="EventOrder"/>'s last two keys.</param>
internal readonly record struct StreamEvent(long Ticks, long ReceivedTicks, int Seq, uint Tiebreak, ulong Matches, int Group)
{
    public static int Compare(StreamEvent x, StreamEvent y)
    {
        var byTime = x.Ticks.CompareTo(y.Ticks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byReceived = x.ReceivedTicks.CompareTo(y.ReceivedTicks);
        if (byReceived != 0)
        {
            return byReceived;
        }

        var bySeq = x.Seq.CompareTo(y.Seq);
        return bySeq != 0 ? bySeq : x.Tiebreak.CompareTo(y.Tiebreak);
    }

    public AnalysisEvent ToAnalysisEvent() => new(Ticks, Matches, Group);

    /// <summary>FNV-1a over the session and event id: the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static uint Hash(string sessionId, string eventId)
    {
        var hash = 2166136261u;
        foreach (var c in sessionId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ '|') * 16777619u;
        foreach (var c in eventId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
