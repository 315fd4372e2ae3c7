using System.Numerics;

namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// The most steps a window of events can fill when each event fills at most one step: a maximum bipartite matching
/// between steps and events, kept up to date as events enter the window on the right and leave it on the left. An
/// event that matches two steps (a funnel <c>view, view</c>, or overlapping filters) is given to whichever step lets
/// the most steps be filled, which a first-come assignment would not always do.
/// <para>
/// Adding an event can only create an augmenting path that ends at it, and removing a matched event only one that
/// starts at the step it freed; so one search from that vertex keeps the matching maximum (Berge's theorem).
/// </para>
/// </summary>
internal sealed class StepMatching
{
    private readonly int[] _eventOfStep;
    private readonly ulong _stepsMask;

    public StepMatching(int steps, ulong stepsMask)
    {
        _eventOfStep = new int[steps];
        _stepsMask = stepsMask;
        Reset();
    }

    /// <summary>How many steps the events in the window fill.</summary>
    public int Size { get; private set; }

    public void Reset()
    {
        Array.Fill(_eventOfStep, -1);
        Size = 0;
    }

    public void Add(ReadOnlySpan<AnalysisEvent> events, int position)
    {
        var visited = 0UL;
        if ((events[position].Matches & _stepsMask) != 0 && AugmentFromEvent(events, position, ref visited))
        {
            Size++;
        }
    }

    /// <summary>Takes the event at <paramref name="position"/> out; the window is then <c>[windowStart, windowEnd)</c>.</summary>
    public void Remove(ReadOnlySpan<AnalysisEvent> events, int position, int windowStart, int windowEnd)
    {
        var step = Array.IndexOf(_eventOfStep, position);
        if (step < 0)
        {
            return;
        }

        _eventOfStep[step] = -1;
        Size--;
        var visited = 0UL;
        if (AugmentFromStep(events, step, windowStart, windowEnd, ref visited))
        {
            Size++;
        }
    }

    private bool AugmentFromEvent(ReadOnlySpan<AnalysisEvent> events, int position, ref ulong visited)
    {
        var candidates = events[position].Matches & _stepsMask;
        while (candidates != 0)
        {
            var step = BitOperations.TrailingZeroCount(candidates);
            candidates &= candidates - 1;
            var bit = 1UL << step;
            if ((visited & bit) != 0)
            {
                continue;
            }

            visited |= bit;
            var holder = _eventOfStep[step];
            if (holder < 0 || AugmentFromEvent(events, holder, ref visited))
            {
                _eventOfStep[step] = position;
                return true;
            }
        }

        return false;
    }

    private bool AugmentFromStep(ReadOnlySpan<AnalysisEvent> events, int step, int windowStart, int windowEnd, ref ulong visited)
    {
        visited |= 1UL << step;
        var bit = 1UL << step;
        for (var position = windowStart; position < windowEnd; position++)
        {
            if ((events[position].Matches & bit) != 0 && Array.IndexOf(_eventOfStep, position) < 0)
            {
                _eventOfStep[step] = position;
                return true;
            }
        }

        for (var position = windowStart; position < windowEnd; position++)
        {
            if ((events[position].Matches & bit) == 0)
            {
                continue;
            }

            var holder = Array.IndexOf(_eventOfStep, position);
            if (holder >= 0 && (visited & (1UL << holder)) == 0 && AugmentFromStep(events, holder, windowStart, windowEnd, ref visited))
            {
                _eventOfStep[step] = position;
                return true;
            }
        }

        return false;
    }
}
