using OpenMetrics.Core.Analysis.Retention;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// A retention metric: the share of a cohort that came back in period N, as a fraction, by the retention engine. The
/// value is the table's average for period N (weighted by cohort size, over the cohorts whose period N has ended); each
/// bucket of the series pools the cohorts that started in it (one cohort when the interval is the retention's period)
/// and is incomplete while any of them has not finished period N.
/// </summary>
public sealed class RetentionMetricValues(RetentionAnalysis retentions, TimeProvider clock)
{
    public async Task<(KindValue Current, double? Previous)> ComputeAsync(
        CustomMetricDefinition metric, MetricWindow window, MetricWindow previous, TrendInterval interval, CancellationToken cancellationToken)
    {
        var n = metric.Period;
        var answer = await retentions.AnswerAsync(CustomMetricQueries.Body(metric.Kind, metric.Query, n, window, "day"), cancellationToken);
        var before = await retentions.AnswerAsync(CustomMetricQueries.Body(metric.Kind, metric.Query, n, previous, "day"), cancellationToken);
        var series = LocalBuckets.Of(window.From, window.To, interval, window.Zone)
            .Select(bucket => Pooled(bucket, answer.Cohorts.Where(cohort => cohort.Start >= bucket.From && cohort.Start < bucket.To).ToList(), n, clock.GetUtcNow()))
            .ToList();
        var incomplete = answer.Cohorts.Any(cohort => cohort.CompletePeriods <= n);
        return (new KindValue(Rate(answer.Average, n), series, incomplete, "raw"), Rate(before.Average, n));
    }

    private static CustomMetricPoint Pooled(LocalBucket bucket, List<RetentionCohort> cohorts, int n, DateTimeOffset now)
    {
        var size = cohorts.Sum(cohort => cohort.Size);
        var back = cohorts.Sum(cohort => cohort.Values.Count > n ? cohort.Values[n] : 0);

        // A bucket no cohort has started in yet is still open while it lasts: users may yet arrive.
        var incomplete = cohorts.Count == 0 ? bucket.To > now : cohorts.Any(cohort => cohort.CompletePeriods <= n);
        return new CustomMetricPoint(bucket.Start, size == 0 ? null : (double)back / size, incomplete);
    }

    /// <summary>The table's percentage for period N as a fraction; null where no cohort has finished it.</summary>
    private static double? Rate(IReadOnlyList<double?> average, int n) => average.Count > n && average[n] is { } percent ? percent / 100 : null;
}
