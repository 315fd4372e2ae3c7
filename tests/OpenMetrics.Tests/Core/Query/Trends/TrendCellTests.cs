using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>The raw trends' cells saturate sums like the pre-aggregates do, so both sources answer the same finite numbers.</summary>
public sealed class TrendCellTests
{
    [Fact]
    public void Sum_and_average_of_maximal_values_stay_finite()
    {
        var cell = new TrendCell();
        cell.AddEvent(double.MaxValue);
        cell.AddEvent(double.MaxValue);
        var other = new TrendCell();
        other.AddFigures(2, new NumericStats(2, double.MaxValue, double.MaxValue, double.MaxValue));
        cell.Add(other);

        Assert.Equal(double.MaxValue, cell.Value(TrendMeasure.Sum));
        // 4 numbers whose sum saturated: MaxValue / 4.
        Assert.Equal(double.MaxValue / 4, cell.Value(TrendMeasure.Avg));
        Assert.Equal(double.MaxValue, cell.Value(TrendMeasure.Max));
    }
}
