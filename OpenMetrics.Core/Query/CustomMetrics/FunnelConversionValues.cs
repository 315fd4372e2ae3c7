using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// A funnel-conversion metric: users at step <c>toStep</c> over users at step <c>fromStep</c>, as a fraction, by the
/// funnel engine. The value is the conversion of everyone who entered in the range; each bucket of the series is the
/// conversion of the cohort that entered in that bucket (a conversion trend), and is incomplete while the funnel's
/// window after it has not ended: those users may still convert. One read serves the range, the previous period and every bucket.
/// </summary>
public sealed class FunnelConversionValues(FunnelAnalysis funnels, TimeProvider clock)
{
    public async Task<(KindValue Current, double? Previous)> ComputeAsync(
        CustomMetricDefinition metric, MetricWindow window, MetricWindow previous, TrendInterval interval, CancellationToken cancellationToken)
    {
        var body = CustomMetricQueries.Body(metric.Kind, metric.Query, metric.Period, window, "day");
        var buckets = LocalBuckets.Of(window.From, window.To, interval, window.Zone);
        var cohorts = new List<(DateTimeOffset From, DateTimeOffset To)> { (window.From, window.To), (previous.From, previous.To) };
        cohorts.AddRange(buckets.Select(bucket => (bucket.From, bucket.To)));
        var (results, windowLength) = await funnels.CohortsAsync(body, cohorts, cancellationToken);
        var now = clock.GetUtcNow();
        var series = buckets
            .Select((bucket, index) => new CustomMetricPoint(bucket.Start, Conversion(metric, results[index + 2]), bucket.To + windowLength > now))
            .ToList();
        var current = new KindValue(Conversion(metric, results[0]), series, window.To + windowLength > now, "raw");
        return (current, Conversion(metric, results[1]));
    }

    /// <summary>Users at the later step over users at the earlier one; null when no one reached the earlier step.</summary>
    private static double? Conversion(CustomMetricDefinition metric, FunnelResult result)
    {
        var entered = result.Steps[metric.FromStep].Users;
        return entered == 0 ? null : (double)result.Steps[metric.ToStep].Users / entered;
    }
}
