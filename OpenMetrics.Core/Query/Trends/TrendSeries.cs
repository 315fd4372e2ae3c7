using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>One line of a trend: an event (or <c>*</c>, any event), its filters, and what is measured of it.</summary>
/// <param name="Letter">The name a formula uses for this series: A, B, C… in the order sent.</param>
public sealed record TrendSeries(string Letter, string Event, IReadOnlyList<PropertyFilter> Filters, TrendMeasure Measure, string? Prop, string Label)
{
    public const string AnyEvent = "*";

    public bool IsAnyEvent => Event == AnyEvent;

    public bool MatchesName(string name) => IsAnyEvent || string.Equals(Event, name, StringComparison.Ordinal);
}
