namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// A funnel definition compiled for the path finders: times as UTC ticks, and per gap between two steps the bits of the
/// exclusions that apply to it. Step k is predicate bit k; exclusion j is bit <c>Steps + j</c>.
/// </summary>
internal sealed class FunnelPlan
{
    public FunnelPlan(FunnelDefinition definition)
    {
        Steps = definition.Steps.Count;
        // No longer than the calendar: an entry's time plus the window then always fits a long.
        WindowTicks = Math.Min(definition.Window.Ticks, DateTimeOffset.MaxValue.UtcTicks);
        FromTicks = definition.From.UtcTicks;
        ToTicks = definition.To.UtcTicks;
        StepsMask = Steps == 64 ? ulong.MaxValue : (1UL << Steps) - 1;
        GapExclusions = new ulong[Math.Max(Steps - 1, 0)];
        for (var index = 0; index < definition.Exclusions.Count; index++)
        {
            var exclusion = definition.Exclusions[index];
            var bit = 1UL << (Steps + index);
            AllExclusions |= bit;
            for (var gap = exclusion.FromStep; gap < (exclusion.ToStep ?? Steps - 1); gap++)
            {
                GapExclusions[gap] |= bit;
            }
        }
    }

    public int Steps { get; }

    public long WindowTicks { get; }

    public long FromTicks { get; }

    public long ToTicks { get; }

    public ulong StepsMask { get; }

    /// <summary>For gap k (from step k to step k + 1), the exclusions that must not happen in it.</summary>
    public ulong[] GapExclusions { get; }

    public ulong AllExclusions { get; }
}
