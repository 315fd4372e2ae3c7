namespace OpenMetrics.Core.Query.Trends;

/// <summary>The bucket size of a trend (docs/query.md); <see cref="Total"/> is one bucket over the whole range.</summary>
public enum TrendInterval
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Total,
}
