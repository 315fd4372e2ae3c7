namespace OpenMetrics.Core.Aggregation;

/// <summary>Count, sum, min and max of one numeric property: enough for sum, average, min and max in any bucket union.</summary>
public sealed record NumericStats(long Count, double Sum, double Min, double Max)
{
    public static NumericStats Of(double value) => new(1, value, value, value);

    public NumericStats Add(NumericStats other) =>
        new(Count + other.Count, SumOf(Sum, other.Sum), Math.Min(Min, other.Min), Math.Max(Max, other.Max));

    /// <summary>
    /// Adds two finite sums, saturating at ±<see cref="double.MaxValue"/> (docs/semantics.md): an infinite sum
    /// cannot be written as JSON, so one overflow would poison the message and every later fold of its bucket.
    /// </summary>
    public static double SumOf(double left, double right) => Math.Clamp(left + right, double.MinValue, double.MaxValue);
}
