namespace OpenMetrics.Core.Aggregation;

/// <summary>
/// The cardinality caps of the per-value pre-aggregates. Per bucket and event, at most <see cref="MaxTrackedProps"/>
/// properties are counted by value, each with at most <see cref="MaxValuesPerProp"/> values of at most
/// <see cref="MaxValueLength"/> characters; every other value of a tracked property counts under <see cref="Analysis.Breakdown.Other"/>.
/// A breakdown beyond these caps is answered from the raw events.
/// </summary>
public static class AggregateLimits
{
    public const int MaxTrackedProps = 20;
    public const int MaxValuesPerProp = 50;
    public const int MaxValueLength = 64;
}
