using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// The points of a JSON answer at two JSON paths, by Json.NET's <c>SelectTokens</c> (a library rather than a
/// hand-written evaluator: JSONPath has filters, recursive descent and slices). Times are ISO 8601 text (UTC when
/// without an offset) or Unix seconds, or milliseconds when above 10^11; values are numbers or numeric text.
/// </summary>
public static class JsonPathPoints
{
    /// <summary>Whether Json.NET can read <paramref name="path"/>; the reason when not.</summary>
    public static string? Check(string path)
    {
        try
        {
            _ = new JObject().SelectTokens(path).ToList();
            return null;
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }
    }

    public static IReadOnlyList<MetricPoint> Read(string metric, string json, HttpPull pull)
    {
        JToken root;
        try
        {
            // Dates stay text: Json.NET would otherwise turn them into local DateTimes.
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            root = JToken.ReadFrom(reader);
        }
        catch (JsonException exception)
        {
            throw new SourcePullException($"{pull.Url} did not answer JSON: {exception.Message}");
        }

        var times = Select(root, pull.TimePath, "time", pull.Url);
        var values = Select(root, pull.ValuePath, "value", pull.Url);
        if (times.Count != values.Count)
        {
            throw new SourcePullException($"The time path '{pull.TimePath}' matched {times.Count} values and the value path '{pull.ValuePath}' {values.Count}; they must match one to one.");
        }

        var points = new List<MetricPoint>(times.Count);
        var noDims = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < times.Count; i++)
        {
            var time = Time(times[i]) ?? throw new SourcePullException($"The time path '{pull.TimePath}' matched '{times[i]}' at [{i}], which is not a time (ISO 8601 text or Unix seconds).");
            if (values[i].Type == JTokenType.Null)
            {
                continue;
            }

            var value = Value(values[i]) ?? throw new SourcePullException($"The value path '{pull.ValuePath}' matched '{values[i]}' at [{i}], which is not a finite number.");
            points.Add(new MetricPoint(metric, noDims, time, value));
        }

        return points;
    }

    private static List<JToken> Select(JToken root, string path, string what, Uri url)
    {
        List<JToken> tokens;
        try
        {
            tokens = [.. root.SelectTokens(path)];
        }
        catch (JsonException exception)
        {
            throw new SourcePullException($"The {what} path '{path}' is not a JSON path: {exception.Message}");
        }

        return tokens.Count > 0
            ? tokens
            : throw new SourcePullException($"The {what} path '{path}' matched nothing in the answer of {url}.");
    }

    private static DateTimeOffset? Time(JToken token) => token.Type switch
    {
        JTokenType.String when DateTimeOffset.TryParse((string)token!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) => time,
        JTokenType.Integer or JTokenType.Float when (double)token is var number && double.IsFinite(number) && Math.Abs(number) < 1e15 =>
            number > 1e11 ? DateTimeOffset.UnixEpoch.AddMilliseconds(number) : DateTimeOffset.UnixEpoch.AddSeconds(number),
        _ => null,
    };

    private static double? Value(JToken token) => token.Type switch
    {
        JTokenType.Integer or JTokenType.Float when (double)token is var number && double.IsFinite(number) => number,
        JTokenType.String when double.TryParse((string)token!, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };
}
