using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.Metrics;

/// <summary>
/// Puts a metric's points into a query's buckets (the same <see cref="LocalBuckets"/> trends use, so a metric and an
/// event series share one grid in any zone) and aggregates each bucket and the whole range. Pure: points in, line out.
/// </summary>
public static class MetricBuckets
{
    public static MetricLine Compute(IEnumerable<MetricPoint> points, IReadOnlyList<LocalBucket> buckets, MetricAgg agg)
    {
        var cells = buckets.Select(_ => new Cell()).ToArray();
        var total = new Cell();
        var starts = buckets.Select(bucket => bucket.From.UtcTicks).ToArray();
        long read = 0;
        foreach (var point in points)
        {
            if (buckets.Count == 0 || point.T < buckets[0].From || point.T >= buckets[^1].To)
            {
                continue;
            }

            var index = Array.BinarySearch(starts, point.T.UtcTicks);
            index = index >= 0 ? index : ~index - 1;
            cells[index].Add(point);
            total.Add(point);
            read++;
        }

        return new MetricLine([.. cells.Select(cell => cell.Value(agg))], total.Value(agg), read);
    }

    /// <summary>What a bucket gathered: enough for every aggregation.</summary>
    private sealed class Cell
    {
        private long _count;
        private double _sum;
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;
        private DateTimeOffset _lastAt = DateTimeOffset.MinValue;
        private double _last;

        public void Add(MetricPoint point)
        {
            _count++;
            _sum = NumericStats.SumOf(_sum, point.V);
            _min = Math.Min(_min, point.V);
            _max = Math.Max(_max, point.V);
            if (point.T > _lastAt)
            {
                _lastAt = point.T;
                _last = point.V;
            }
            else if (point.T == _lastAt)
            {
                // Several dims at the latest time: a gauge split by plan is the sum of its plans then.
                _last = NumericStats.SumOf(_last, point.V);
            }
        }

        public double Value(MetricAgg agg) => _count == 0 ? 0 : agg switch
        {
            MetricAgg.Sum => _sum,
            MetricAgg.Avg => _sum / _count,
            MetricAgg.Min => _min,
            MetricAgg.Max => _max,
            _ => _last,
        };
    }
}
