using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Query.Metrics;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// One line of a trend: an event (or <c>*</c>, any event), its filters, and what is measured of it; or an imported
/// <paramref name="Metric"/>, read from its points instead of the events (then <paramref name="Event"/> is its name).
/// </summary>
/// <param name="Letter">The name a formula uses for this series: A, B, C… in the order sent.</param>
public sealed record TrendSeries(string Letter, string Event, IReadOnlyList<PropertyFilter> Filters, TrendMeasure Measure, string? Prop, string Label, MetricSeries? Metric = null)
{
    public const string AnyEvent = "*";

    public bool IsAnyEvent => Event == AnyEvent;

    public bool MatchesName(string name) => IsAnyEvent || string.Equals(Event, name, StringComparison.Ordinal);
}
