using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// A trend or imported-metric metric: the trends query answered as the Insights page would, the value being its line's
/// total over the range (a formula's line when there is one) and the series its points. A bucket that has not ended is incomplete.
/// </summary>
public sealed class TrendMetricValues(TrendsQueryParser parser, ITrendsAnswers trends, TimeProvider clock)
{
    public async Task<KindValue> ComputeAsync(CustomMetricDefinition metric, MetricWindow window, TrendInterval interval, CancellationToken cancellationToken)
    {
        var query = parser.Parse(CustomMetricQueries.Body(metric.Kind, metric.Query, metric.Period, window, Name(interval)));
        var answer = await trends.AnswerAsync(query, cancellationToken);
        var line = query.Formula is null ? answer.Series[0] : answer.Series.Last(candidate => candidate.Letter is null);
        var buckets = LocalBuckets.Of(query.From, query.To, query.Interval, query.Zone);
        var now = clock.GetUtcNow();
        var series = line.Points.Select((point, index) => new CustomMetricPoint(point.T, point.V, buckets[index].To > now)).ToList();
        return new KindValue(line.Total, series, window.To > now, answer.Meta.Source);
    }

    /// <summary>The value alone, over one bucket: what the previous period and an alert's check need.</summary>
    public async Task<double?> TotalAsync(CustomMetricDefinition metric, MetricWindow window, CancellationToken cancellationToken) =>
        (await ComputeAsync(metric, window, TrendInterval.Total, cancellationToken)).Value;

    private static string Name(TrendInterval interval) => interval.ToString().ToLowerInvariant();
}
