using OpenMetrics.Core.Aggregation;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// What one bucket (or a whole range) of one line has gathered: events, the numeric property's count, sum, min and
/// max, and the distinct users. Enough for every measure; cells of the same line add up (users by union).
/// </summary>
public sealed class TrendCell
{
    public long Count { get; private set; }

    public long Numbers { get; private set; }

    public double Sum { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public HashSet<string> Users { get; } = new(StringComparer.Ordinal);

    public void AddEvent(double? number)
    {
        Count++;
        if (number is { } value)
        {
            AddNumbers(new NumericStats(1, value, value, value));
        }
    }

    public void AddFigures(long count, NumericStats? numbers)
    {
        Count += count;
        if (numbers is not null)
        {
            AddNumbers(numbers);
        }
    }

    public void Add(TrendCell other)
    {
        Count += other.Count;
        if (other.Numbers > 0)
        {
            AddNumbers(new NumericStats(other.Numbers, other.Sum, other.Min, other.Max));
        }

        Users.UnionWith(other.Users);
    }

    public double Value(TrendMeasure measure) => measure switch
    {
        TrendMeasure.Count => Count,
        TrendMeasure.Uniques or TrendMeasure.Active => Users.Count,
        TrendMeasure.Sum => Sum,
        // An empty bucket shows 0 like every other measure (docs/query.md: zeros included), not "no data".
        TrendMeasure.Avg => Numbers == 0 ? 0 : Sum / Numbers,
        TrendMeasure.Min => Numbers == 0 ? 0 : Min,
        TrendMeasure.Max => Numbers == 0 ? 0 : Max,
        _ => 0,
    };

    private void AddNumbers(NumericStats stats)
    {
        Numbers += stats.Count;
        Sum = NumericStats.SumOf(Sum, stats.Sum);
        Min = Math.Min(Min, stats.Min);
        Max = Math.Max(Max, stats.Max);
    }
}
