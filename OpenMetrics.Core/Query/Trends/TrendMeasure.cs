namespace OpenMetrics.Core.Query.Trends;

/// <summary>What a trend counts (docs/query.md, docs/semantics.md "Trends").</summary>
public enum TrendMeasure
{
    /// <summary>Events.</summary>
    Count,

    /// <summary>Distinct users who did the event.</summary>
    Uniques,

    /// <summary>Sum of a numeric property.</summary>
    Sum,

    /// <summary>Average of a numeric property over the events that carry it as a number.</summary>
    Avg,

    Min,

    Max,

    /// <summary>Distinct active users (docs/semantics.md, "Active users"): the event may be <c>*</c>.</summary>
    Active,
}
