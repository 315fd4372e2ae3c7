using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>Split every series by the values of one property: the top <paramref name="Limit"/> values, the rest as one "other" line.</summary>
public sealed record TrendBreakdown(string Prop, PropertyScope On, int Limit);
