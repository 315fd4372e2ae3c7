namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// Finds, in one user's time-ordered events, the entry that counts for them: the earliest of the entries that reach the
/// furthest step (docs/semantics.md), with the time it reached each step. One instance serves the users of a query one
/// after the other and keeps only a few cursors between them.
/// </summary>
internal abstract class FunnelPaths
{
    /// <summary>The furthest step reached (1-based; 0 when the user has no entry in range).</summary>
    /// <param name="stepTicks">Filled with the time each step was reached by the counted entry, up to the furthest.</param>
    /// <param name="entry">The position of the counted entry's event.</param>
    public abstract int FindBest(ReadOnlySpan<AnalysisEvent> events, Span<long> stepTicks, out int entry);

    public static FunnelPaths For(FunnelDefinition definition, FunnelPlan plan) => definition.Order switch
    {
        FunnelOrder.Any => new AnyOrderPaths(plan),
        FunnelOrder.Strict => new OrderedPaths(plan, strict: true),
        _ => new OrderedPaths(plan, strict: false),
    };
}
