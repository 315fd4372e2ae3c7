using OpenMetrics.Core.Analysis.Funnels;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>
/// The funnel definitions of docs/semantics.md and of <see cref="FunnelEngine"/>'s documentation written the slow, obvious
/// way, for the random tests to compare the engine with: every entry is followed on its own by a forward scan, and
/// in any order the steps a window fills are counted per name (steps are told apart by name only here, so the most
/// steps a set of events fills is, per name, the smaller of how many events and how many steps have it).
/// </summary>
internal static class NaiveFunnel
{
    /// <summary>The user's furthest step and the step times of the earliest entry that reaches it.</summary>
    public static (int Reach, long[] Times) Best(RandomFunnel funnel, int user, FunnelOrder order, int windowHours)
    {
        var events = funnel.Users[user];
        var best = (Reach: 0, Times: Array.Empty<long>());
        for (var entry = 0; entry < events.Length; entry++)
        {
            var isEntry = order == FunnelOrder.Any ? funnel.Steps.Contains(events[entry].Name) : events[entry].Name == funnel.Steps[0];
            if (!isEntry || events[entry].Hour < funnel.FromHour || events[entry].Hour >= funnel.ToHour)
            {
                continue;
            }

            var deadline = events[entry].Hour + windowHours;
            var (reach, positions, excluded) = order == FunnelOrder.Any
                ? AnyOrder(funnel, events, entry, deadline)
                : Ordered(funnel, events, entry, deadline, order == FunnelOrder.Strict);
            if (!excluded && reach > best.Reach)
            {
                best = (reach, [.. positions.Select(p => RandomFunnel.Ticks(events[p].Hour))]);
            }
        }

        return best;
    }

    private static (int Reach, List<int> Positions, bool Excluded) Ordered(RandomFunnel funnel, (int Name, int Hour)[] events, int entry, int deadline, bool strict)
    {
        var positions = new List<int> { entry };
        while (positions.Count < funnel.Steps.Length)
        {
            var last = positions[^1];
            var next = -1;
            for (var p = last + 1; p < events.Length && (!strict || p == last + 1); p++)
            {
                if (events[p].Name == funnel.Steps[positions.Count])
                {
                    next = p;
                    break;
                }
            }

            if (next < 0 || events[next].Hour > deadline)
            {
                break;
            }

            positions.Add(next);
        }

        var excluded = false;
        if (funnel.Exclusion is { } range)
        {
            for (var gap = range.From; gap < range.To && gap < positions.Count; gap++)
            {
                // A reached gap ends at the next step; the open one at the window's end (strict: at the next event).
                var end = gap + 1 < positions.Count ? positions[gap + 1] - 1 : strict ? positions[gap] + 1 : events.Length - 1;
                for (var p = positions[gap] + 1; p <= end && p < events.Length; p++)
                {
                    excluded |= events[p].Name == RandomFunnel.ExcludedName && events[p].Hour <= deadline;
                }
            }
        }

        return (positions.Count, positions, excluded);
    }

    private static (int Reach, List<int> Positions, bool Excluded) AnyOrder(RandomFunnel funnel, (int Name, int Hour)[] events, int entry, int deadline)
    {
        // Positions where the prefix [entry, p] first fills 1, 2, ... steps.
        var positions = new List<int>();
        for (var p = entry; p < events.Length && events[p].Hour <= deadline; p++)
        {
            var filled = Filled(funnel, events, entry, p);
            while (positions.Count < filled)
            {
                positions.Add(p);
            }
        }

        var end = positions.Count == funnel.Steps.Length ? positions[^1] - 1 : events.Length - 1;
        var excluded = false;
        for (var p = entry + 1; p <= end && funnel.Exclusion is not null; p++)
        {
            excluded |= events[p].Name == RandomFunnel.ExcludedName && events[p].Hour <= deadline;
        }

        return (positions.Count, positions, excluded);
    }

    private static int Filled(RandomFunnel funnel, (int Name, int Hour)[] events, int first, int last) =>
        funnel.Steps.Distinct().Sum(name => Math.Min(funnel.Steps.Count(s => s == name), events[first..(last + 1)].Count(e => e.Name == name)));

    /// <summary>Users and average seconds per step, added up from <see cref="Best"/> per user.</summary>
    public static (int[] Users, double?[] AverageSeconds) Steps(RandomFunnel funnel, FunnelOrder order, int windowHours)
    {
        var users = new int[funnel.Steps.Length];
        var sums = new double[funnel.Steps.Length];
        for (var user = 0; user < funnel.Users.Length; user++)
        {
            var (reach, times) = Best(funnel, user, order, windowHours);
            for (var step = 0; step < reach; step++)
            {
                users[step]++;
                sums[step] += step == 0 ? 0 : (times[step] - times[step - 1]) / (double)TimeSpan.TicksPerSecond;
            }
        }

        return (users, [.. sums.Select((sum, step) => step == 0 || users[step] == 0 ? (double?)null : sum / users[step])]);
    }
}
