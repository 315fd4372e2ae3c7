namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// An event that must not happen on the way from step <see cref="FromStep"/> to step <see cref="ToStep"/> (0-based,
/// as PostHog's <c>funnelFromStep</c>/<c>funnelToStep</c>; by default from the first step to the last). An entry
/// during which it happens is discarded; see <see cref="FunnelEngine"/> for exactly when.
/// </summary>
public sealed record FunnelExclusion(string Event, IReadOnlyList<PropertyFilter> Filters)
{
    public FunnelExclusion(string @event)
        : this(@event, [])
    {
    }

    public int FromStep { get; init; }

    /// <summary>The step the exclusion stops applying at; null for the funnel's last step.</summary>
    public int? ToStep { get; init; }

    internal EventPredicate Predicate => new(Event, Filters);
}
