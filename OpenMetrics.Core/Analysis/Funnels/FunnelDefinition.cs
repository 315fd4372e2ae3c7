namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// A funnel query (docs/semantics.md "Funnels", docs/query.md <c>POST /api/query/funnel</c>): users enter at a step-1
/// occurrence in <c>[From, To)</c> and have <see cref="Window"/> from there to reach the later steps. The segment is
/// not part of the definition: it is a predicate over users that the caller hands to <see cref="FunnelEngine"/>.
/// </summary>
public sealed record FunnelDefinition(IReadOnlyList<FunnelStep> Steps, DateTimeOffset From, DateTimeOffset To)
{
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromDays(14);

    /// <summary>The conversion window W: step k counts when it happens at most W after the entry (the edge included).</summary>
    public TimeSpan Window { get; init; } = DefaultWindow;

    public FunnelOrder Order { get; init; } = FunnelOrder.Sequential;

    public IReadOnlyList<FunnelExclusion> Exclusions { get; init; } = [];

    /// <summary>By a property of the entry event (its own, its session's, or its user's); null for no breakdown.</summary>
    public Breakdown? Breakdown { get; init; }

    /// <summary>How many user keys each drop-off list keeps (the count beside it is always exact).</summary>
    public int DropOffLimit { get; init; } = 100;
}
