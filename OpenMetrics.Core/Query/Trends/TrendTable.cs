namespace OpenMetrics.Core.Query.Trends;

/// <summary>The cells of one line: a series, or a series for one breakdown value (null: the property is not set).</summary>
public sealed class TrendLine(int series, string? breakdownValue, int buckets)
{
    public int Series { get; } = series;

    public string? BreakdownValue { get; } = breakdownValue;

    public TrendCell[] Buckets { get; } = [.. Enumerable.Range(0, buckets).Select(_ => new TrendCell())];

    /// <summary>The whole range: what totals are read from (distinct users over the range are not a sum of buckets).</summary>
    public TrendCell Total { get; } = new();
}

/// <summary>Every line a trend computed, before top-N, formulas and answer shaping.</summary>
public sealed class TrendTable(int buckets)
{
    private readonly Dictionary<(int Series, string? Value), TrendLine> _lines = [];

    public int BucketCount { get; } = buckets;

    public IEnumerable<TrendLine> Lines => _lines.Values;

    public TrendLine Line(int series, string? breakdownValue)
    {
        if (!_lines.TryGetValue((series, breakdownValue), out var line))
        {
            line = new TrendLine(series, breakdownValue, BucketCount);
            _lines[(series, breakdownValue)] = line;
        }

        return line;
    }
}
