using System.Text.Json;
using OpenMetrics.Core.Metrics;

namespace OpenMetrics.Core.Query.Metrics;

/// <summary>
/// Reads a metric series, <c>{"metric", "agg", "dims"}</c>, the same way at the top of a metrics query and inside a
/// trends series, so the same mistake is the same 400 naming its field (<c>series[1].agg</c>).
/// </summary>
public static class MetricSeriesParser
{
    /// <param name="path">The object's place in the body: empty at the top, <c>series[1]</c> in a trend.</param>
    public static MetricSeries Parse(JsonElement item, string path)
    {
        var metric = QueryFields.Text(item, "metric", Field(path, "metric"), required: true)!;
        if (MetricPointLimits.CheckMetric(metric) is { } problem)
        {
            throw new QueryException(problem, Field(path, "metric"));
        }

        var agg = QueryFields.Enum(item, "agg", Field(path, "agg"), MetricAgg.Sum);
        return new MetricSeries(metric, agg, ParseDims(item, Field(path, "dims")));
    }

    private static Dictionary<string, string> ParseDims(JsonElement item, string path)
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
                        throw new QueryException($"'{path}.{dim.Name}' must be a string: dims match text values.", $"{path}.{dim.Name}");
                    }

                    dims[dim.Name] = dim.Value.GetString()!;
                }

                break;
            default:
                throw new QueryException("'dims' must be an object of dimension values, {\"plan\": \"pro\"}.", path);
        }

        if (MetricPointLimits.CheckDims(dims) is { } problem)
        {
            throw new QueryException(problem.Error, problem.Field == "dims" ? path : $"{path}{problem.Field[4..]}");
        }

        return dims;
    }

    private static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
