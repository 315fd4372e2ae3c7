namespace OpenMetrics.Core.Metrics;

/// <summary>
/// What a metric point may hold, checked the same way for a push call and a source's pull: a name short enough for a
/// table key and free of the key separator, a few short dimensions, a finite value and a time after 2000-01-01.
/// </summary>
public static class MetricPointLimits
{
    public const int MaxMetricLength = 128;
    public const int MaxDims = 10;
    public const int MaxDimKeyLength = 64;
    public const int MaxDimValueLength = 256;

    /// <summary>Points before this are refused, as events are (docs/api.md).</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Why a metric name cannot be stored, or null when it can.</summary>
    public static string? CheckMetric(string? metric)
    {
        if (string.IsNullOrWhiteSpace(metric))
        {
            return "metric must be a non-empty name";
        }

        if (metric.Length > MaxMetricLength)
        {
            return $"metric is {metric.Length} characters long; at most {MaxMetricLength}";
        }

        // '|' separates the name from the month in the table's keys (docs/storage.md, MetricPoints).
        return metric.Any(c => char.IsControl(c) || c == '|') ? "metric must not hold control characters or '|'" : null;
    }

    /// <summary>The first problem of a point, with the field it is in (<c>metric</c>, <c>t</c>, <c>v</c>, <c>dims.plan</c>), or null.</summary>
    public static MetricPointProblem? Check(MetricPoint point)
    {
        if (CheckMetric(point.Metric) is { } metricError)
        {
            return new("metric", metricError);
        }

        if (point.T < Earliest)
        {
            return new("t", "t is before 2000-01-01");
        }

        return !double.IsFinite(point.V) ? new("v", "v must be a finite number") : CheckDims(point.Dims);
    }

    public static MetricPointProblem? CheckDims(IReadOnlyDictionary<string, string> dims)
    {
        if (dims.Count > MaxDims)
        {
            return new("dims", $"dims has {dims.Count} keys; at most {MaxDims}");
        }

        foreach (var (key, value) in dims)
        {
            if (key.Length == 0 || key.Length > MaxDimKeyLength || key.Any(char.IsControl))
            {
                return new("dims", $"a dims key must be 1 to {MaxDimKeyLength} characters without control characters");
            }

            if (value is null || value.Length > MaxDimValueLength)
            {
                return new($"dims.{key}", $"dims.{key} must be a string of at most {MaxDimValueLength} characters");
            }
        }

        return null;
    }
}
