namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>One step of a funnel: an event and the filters its occurrence must pass.</summary>
public sealed record FunnelStep(string Event, IReadOnlyList<PropertyFilter> Filters)
{
    public FunnelStep(string @event)
        : this(@event, [])
    {
    }

    internal EventPredicate Predicate => new(Event, Filters);
}
