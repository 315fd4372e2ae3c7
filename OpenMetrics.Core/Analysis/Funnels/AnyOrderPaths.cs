namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// Funnels in any order (PostHog's unordered funnels): an entry is an occurrence of any step in <c>[from, to)</c>, and
/// it reaches step k when k of the steps (each filled by its own event) happen within <c>[entry, entry + W]</c>. Step
/// k's time is when the k-th of them happened; the step labels are the definition's, but step k means "any k steps".
/// <para>
/// The window slides from entry to entry with a <see cref="StepMatching"/> that events join on the right and leave
/// on the left, so the user costs about O(events) rather than O(entries × window). An entry's completion point (where
/// all steps are first filled) never moves back from one entry to the next, which is what lets the right edge stop
/// there.
/// </para>
/// <para>
/// Exclusions ignore their step range (there is no order to place them in): an entry is discarded when an exclusion
/// event happens after the entry's event and before it completed the funnel, or, if it never does, within its window.
/// </para>
/// </summary>
internal sealed class AnyOrderPaths(FunnelPlan plan) : FunnelPaths
{
    private readonly StepMatching _window = new(plan.Steps, plan.StepsMask);
    private readonly StepMatching _replay = new(plan.Steps, plan.StepsMask);

    public override int FindBest(ReadOnlySpan<AnalysisEvent> events, Span<long> stepTicks, out int entry)
    {
        _window.Reset();
        var best = 0;
        entry = -1;
        var left = 0;
        var right = 0;
        var exclusionCursor = 0;
        for (var start = 0; start < events.Length; start++)
        {
            var ticks = events[start].Ticks;
            if ((events[start].Matches & plan.StepsMask) == 0 || ticks < plan.FromTicks)
            {
                continue;
            }

            if (ticks >= plan.ToTicks)
            {
                break;
            }

            for (; left < start; left++)
            {
                if (left < right)
                {
                    _window.Remove(events, left, left + 1, right);
                }
            }

            right = Math.Max(right, start);
            var deadline = ticks + plan.WindowTicks;
            while (_window.Size < plan.Steps && right < events.Length && events[right].Ticks <= deadline)
            {
                _window.Add(events, right++);
            }

            var reach = _window.Size;
            if (reach <= best)
            {
                continue;
            }

            if (plan.AllExclusions != 0)
            {
                exclusionCursor = Math.Max(exclusionCursor, start + 1);
                while (exclusionCursor < events.Length && (events[exclusionCursor].Matches & plan.AllExclusions) == 0)
                {
                    exclusionCursor++;
                }

                var excluded = exclusionCursor < events.Length
                    && (reach == plan.Steps ? exclusionCursor < right - 1 : events[exclusionCursor].Ticks <= deadline);
                if (excluded)
                {
                    continue;
                }
            }

            best = reach;
            entry = start;
            if (best == plan.Steps)
            {
                break;
            }
        }

        if (best > 0)
        {
            Replay(events, entry, best, stepTicks);
        }

        return best;
    }

    /// <summary>The times the counted entry filled its 1st, 2nd, ... step: when the matching grew to each size.</summary>
    private void Replay(ReadOnlySpan<AnalysisEvent> events, int entry, int reach, Span<long> stepTicks)
    {
        _replay.Reset();
        for (var position = entry; _replay.Size < reach; position++)
        {
            var before = _replay.Size;
            _replay.Add(events, position);
            if (_replay.Size > before)
            {
                stepTicks[before] = events[position].Ticks;
            }
        }
    }
}
