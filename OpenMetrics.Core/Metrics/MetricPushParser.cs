using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Core.Metrics;

/// <summary>
/// Reads a push of metric points, <c>{"metric": "revenue", "points": [{"t", "v", "dims"}]}</c> (docs/imports.md,
/// "Pushing points and querying metrics"). All or nothing: the first mistake is a 400 naming its field
/// (<c>points[3].v</c>), so a caller never has to work out which half of a call was stored.
/// </summary>
public static class MetricPushParser
{
    /// <summary>Points in one call: about 400 KB of JSON with two dims each, well inside the 1 MiB body bound.</summary>
    public const int MaxPoints = 5_000;

    /// <summary>A point further ahead of the server clock than this is refused (events are kept at arrival then; a metric point has no arrival to fall back on).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    public static List<MetricPoint> Parse(JsonElement body, DateTimeOffset now)
    {
        var metric = QueryFields.Text(body, "metric", "metric", required: true)!;
        if (MetricPointLimits.CheckMetric(metric) is { } metricError)
        {
            throw new QueryException(metricError, "metric");
        }

        if (QueryFields.Optional(body, "points") is not { ValueKind: JsonValueKind.Array } array)
        {
            throw new QueryException("'points' is required: an array of {\"t\", \"v\", \"dims\"}.", "points");
        }

        var count = array.GetArrayLength();
        if (count is 0 or > MaxPoints)
        {
            throw new QueryException($"'points' holds 1 to {MaxPoints} points; this call has {count}. Split a larger push into several calls.", "points");
        }

        var points = new List<MetricPoint>(count);
        foreach (var (item, path) in QueryFields.Array(body, "points", "points"))
        {
            points.Add(Point(metric, item, path, now));
        }

        return points;
    }

    private static MetricPoint Point(string metric, JsonElement item, string path, DateTimeOffset now)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("A point is an object: {\"t\", \"v\", \"dims\"}.", path);
        }

        if (QueryFields.Optional(item, "t") is not { } tJson)
        {
            throw new QueryException($"'{path}.t' is required: an ISO-8601 time or a unix time.", $"{path}.t");
        }

        var (t, tError) = ClientTimestamp.Read(tJson, $"{path}.t");
        if (tError is not null)
        {
            throw new QueryException(tError, $"{path}.t");
        }

        if (t > now + MaxAhead)
        {
            throw new QueryException($"{path}.t is more than a day ahead of the server clock ({now.ToString("O", CultureInfo.InvariantCulture)}).", $"{path}.t");
        }

        if (QueryFields.Optional(item, "v") is not { ValueKind: JsonValueKind.Number } vJson || !vJson.TryGetDouble(out var v) || !double.IsFinite(v))
        {
            throw new QueryException($"{path}.v must be a finite number.", $"{path}.v");
        }

        var point = new MetricPoint(metric, Dims(item, $"{path}.dims"), t.ToUniversalTime(), v);
        if (MetricPointLimits.Check(point) is { } problem)
        {
            throw new QueryException(problem.Error, $"{path}.{problem.Field}");
        }

        return point;
    }

    private static Dictionary<string, string> Dims(JsonElement item, string path)
    {
        var dims = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (QueryFields.Optional(item, "dims"))
        {
            case null:
                return dims;
            case { ValueKind: JsonValueKind.Object } json:
                foreach (var dim in json.EnumerateObject())
                {
                    if (dim.Value.ValueKind != JsonValueKind.String)
                    {
                        throw new QueryException($"{path}.{dim.Name} must be a string.", $"{path}.{dim.Name}");
                    }

                    dims[dim.Name] = dim.Value.GetString()!;
                }

                return dims;
            default:
                throw new QueryException($"{path} must be an object of strings, {{\"plan\": \"pro\"}}.", path);
        }
    }
}
