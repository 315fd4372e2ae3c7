namespace OpenMetrics.Core.Aggregation;

/// <summary>Count, sum, min and max of one numeric property: enough for sum, average, min and max in any bucket union.</summary>
public sealed record NumericStats(long Count, double Sum, double Min, double Max)
{
    public static NumericStats Of(double value) => new(1, value, value, value);

    public NumericStats Add(NumericStats other) =>
        new(Count + other.Count, Sum + other.Sum, Math.Min(Min, other.Min), Math.Max(Max, other.Max));
}
