using System.Diagnostics;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.Metrics;

/// <summary>
/// Answers imported metrics in the trends' shape: a metrics query on its own, or the metric series of a trend, on the
/// trend's own bucket grid so a formula can mix them with event series. Reads through <see cref="IMetricPointReader"/>.
/// </summary>
public sealed class MetricTrends(IMetricPointReader reader, QueryLimits limits, TimeProvider clock)
{
    /// <summary><c>meta.source</c> of an answer (or part of one) read from imported metric points.</summary>
    public const string Source = "metricPoints";

    public async Task<TrendsAnswer> AnswerAsync(MetricsQuery query, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var buckets = LocalBuckets.Of(query.From, query.To, query.Interval, query.Zone);
        var line = await ComputeAsync(query.Series, query.From, query.To, buckets, cancellationToken);
        return new TrendsAnswer(
            [ToAnswerLine(query.Series, query.Label, "A", buckets, line)],
            new TrendsAnswer.Info(Source, clock.GetUtcNow(), null, query.From, query.To, query.Zone.Id, query.Interval.ToString().ToLowerInvariant(), watch.ElapsedMilliseconds));
    }

    /// <summary>The answer lines of a trend's metric series, in the order sent.</summary>
    public async Task<List<TrendsAnswer.Line>> LinesAsync(TrendsQuery query, IReadOnlyList<LocalBucket> buckets, CancellationToken cancellationToken)
    {
        var lines = new List<TrendsAnswer.Line>();
        foreach (var series in query.Series.Where(series => series.Metric is not null))
        {
            var line = await ComputeAsync(series.Metric!, query.From, query.To, buckets, cancellationToken);
            lines.Add(ToAnswerLine(series.Metric!, series.Label, series.Letter, buckets, line));
        }

        return lines;
    }

    private async Task<MetricLine> ComputeAsync(MetricSeries series, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<LocalBucket> buckets, CancellationToken cancellationToken)
    {
        var points = new List<MetricPoint>();
        await foreach (var point in reader.ReadAsync(series.Metric, from, to, series.Dims.Count == 0 ? null : series.Dims, cancellationToken))
        {
            if (points.Count >= limits.MaxMetricPoints)
            {
                throw new QueryException(
                    $"Metric '{series.Metric}' has more than {limits.MaxMetricPoints} points in this range. Narrow the range or the dims.", "from");
            }

            points.Add(point);
        }

        return MetricBuckets.Compute(points, buckets, series.Agg);
    }

    private static TrendsAnswer.Line ToAnswerLine(MetricSeries series, string label, string letter, IReadOnlyList<LocalBucket> buckets, MetricLine line) => new(
        label, null, null, [.. buckets.Select((bucket, b) => new TrendsAnswer.Point(bucket.Start, line.Buckets[b]))], line.Total, series.AggName, letter, series.Metric);
}
