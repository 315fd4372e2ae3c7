namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// Sequential and strict funnels. From an entry, each step is taken at its earliest occurrence after the previous
/// step's event (a later one could only leave less of the window), up to the entry's time plus W, the edge included.
/// Positions rather than times decide "after", so two events with the same timestamp follow each other in the order
/// they were sent, and one event never fills two steps of the same entry.
/// <para>
/// Entries come in time order and the earliest-occurrence path of a later entry is never earlier, step by step, than
/// that of an earlier one; so one forward-only cursor per step (and per gap, for exclusions) serves every entry of the
/// user, and a user costs O(events × steps) however many entries they have.
/// </para>
/// <para>
/// Exclusions (PostHog's rule, per entry): an entry is discarded when an exclusion event that applies to the gap from
/// step k to step k + 1 happens after the entry's step-k event and before its step-(k + 1) event, or, when the entry
/// never reaches step k + 1, before its window closes (in strict order: as the very next event, since any other event
/// already closes a strict gap). The user's other entries still count.
/// </para>
/// </summary>
internal sealed class OrderedPaths(FunnelPlan plan, bool strict) : FunnelPaths
{
    private readonly int[] _stepCursor = new int[plan.Steps];
    private readonly int[] _gapCursor = new int[plan.Steps];
    private readonly int[] _positions = new int[plan.Steps];

    public override int FindBest(ReadOnlySpan<AnalysisEvent> events, Span<long> stepTicks, out int entry)
    {
        Array.Clear(_stepCursor);
        Array.Clear(_gapCursor);
        var best = 0;
        entry = -1;
        for (var start = 0; start < events.Length; start++)
        {
            var ticks = events[start].Ticks;
            if ((events[start].Matches & 1UL) == 0 || ticks < plan.FromTicks)
            {
                continue;
            }

            if (ticks >= plan.ToTicks)
            {
                break;
            }

            var deadline = ticks + plan.WindowTicks;
            _positions[0] = start;
            var reach = 1;
            while (reach < plan.Steps)
            {
                var next = strict ? NextInStrictOrder(events, reach, _positions[reach - 1]) : NextOccurrence(events, reach, _positions[reach - 1]);
                if (next == events.Length || events[next].Ticks > deadline)
                {
                    break;
                }

                _positions[reach++] = next;
            }

            if (reach <= best || (plan.AllExclusions != 0 && Excluded(events, reach, deadline)))
            {
                continue;
            }

            best = reach;
            entry = start;
            for (var step = 0; step < reach; step++)
            {
                stepTicks[step] = events[_positions[step]].Ticks;
            }

            if (best == plan.Steps)
            {
                break;
            }
        }

        return best;
    }

    private static int NextInStrictOrder(ReadOnlySpan<AnalysisEvent> events, int step, int after) =>
        after + 1 < events.Length && (events[after + 1].Matches & (1UL << step)) != 0 ? after + 1 : events.Length;

    /// <summary>The first position after <paramref name="after"/> that matches the step; positions asked never go back.</summary>
    private int NextOccurrence(ReadOnlySpan<AnalysisEvent> events, int step, int after)
    {
        var bit = 1UL << step;
        var position = Math.Max(_stepCursor[step], after + 1);
        while (position < events.Length && (events[position].Matches & bit) == 0)
        {
            position++;
        }

        _stepCursor[step] = position;
        return position;
    }

    private bool Excluded(ReadOnlySpan<AnalysisEvent> events, int reach, long deadline)
    {
        for (var gap = 0; gap < reach && gap < plan.Steps - 1; gap++)
        {
            var mask = plan.GapExclusions[gap];
            if (mask == 0)
            {
                continue;
            }

            var position = Math.Max(_gapCursor[gap], _positions[gap] + 1);
            while (position < events.Length && (events[position].Matches & mask) == 0)
            {
                position++;
            }

            _gapCursor[gap] = position;
            if (position == events.Length)
            {
                continue;
            }

            var inGap = gap + 1 < reach
                ? position < _positions[gap + 1]
                : events[position].Ticks <= deadline && (!strict || position == _positions[gap] + 1);
            if (inGap)
            {
                return true;
            }
        }

        return false;
    }
}
