using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Benchmarks;

/// <summary>The least any engine has to do: read every event of every user once, user by user.</summary>
internal static class EngineBaseline
{
    public static long Read(AnalysisEvent[] events)
    {
        var sum = 0L;
        for (var user = 0; user < SyntheticEvents.Users; user++)
        {
            foreach (var item in events.AsSpan(user * SyntheticEvents.EventsPerUser, SyntheticEvents.EventsPerUser))
            {
                sum += item.Ticks ^ (long)item.Matches;
            }
        }

        return sum;
    }
}
