namespace OpenMetrics.Core.Analysis;

/// <summary>
/// Which events a funnel step, an exclusion, or a retention start or return event stands for: events named
/// <paramref name="Event"/> whose properties pass every filter. A null event means any active event (docs/semantics.md:
/// an event without <c>options.active: false</c>); a named event matches whatever its active flag.
/// </summary>
public sealed record EventPredicate(string? Event, IReadOnlyList<PropertyFilter> Filters)
{
    public static EventPredicate AnyActive { get; } = new(null, []);

    public static EventPredicate Named(string name) => new(name, []);
}
