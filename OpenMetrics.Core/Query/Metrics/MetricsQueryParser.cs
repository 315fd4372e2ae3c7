using System.Text.Json;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Query.Window;

namespace OpenMetrics.Core.Query.Metrics;

/// <summary>
/// Reads and checks a metrics query: the window every query shares (<see cref="QueryWindow"/>), the trends' intervals
/// and bucket bound, and one metric series; every mistake a 400 naming its field.
/// </summary>
public sealed class MetricsQueryParser(QueryLimits limits, TimeProvider clock)
{
    public MetricsQuery Parse(JsonElement body)
    {
        var window = QueryWindow.Parse(body, "metrics", clock.GetUtcNow());
        if (window.Segment is not null || window.SegmentId is not null)
        {
            throw new QueryException("Metric points have no users, so a metrics query takes no segment; narrow it with 'dims'.", "segment");
        }

        var interval = ParseInterval(body, window.From, window.To, limits);
        var series = MetricSeriesParser.Parse(body, "");
        var label = QueryFields.Text(body, "label", "label") ?? series.Metric;
        return new MetricsQuery(series, label, interval, window.From, window.To, window.Zone);
    }

    /// <summary>The interval, refused when the range has more buckets of it than a series may (as trends refuse it).</summary>
    public static TrendInterval ParseInterval(JsonElement body, DateTimeOffset from, DateTimeOffset to, QueryLimits limits)
    {
        var interval = QueryFields.Enum(body, "interval", "interval", TrendInterval.Day);
        if (LocalBuckets.Estimate(from, to, interval) > limits.MaxBuckets)
        {
            throw new QueryException(
                $"The range is too large for interval '{interval.ToString().ToLowerInvariant()}': at most {limits.MaxBuckets} buckets per series. Use a larger interval or a shorter range.",
                "interval");
        }

        return interval;
    }
}
