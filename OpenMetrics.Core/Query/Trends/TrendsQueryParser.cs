using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Query.Filters;
using OpenMetrics.Core.Query.Metrics;
using OpenMetrics.Core.Query.Window;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>Reads and checks a trends query; every mistake is a 400 naming its field (docs/query.md, "Errors").</summary>
public sealed class TrendsQueryParser(QueryLimits limits, TimeProvider clock)
{
    private static readonly PropertyScope[] AnyScope = [PropertyScope.Event, PropertyScope.User, PropertyScope.Session];

    public TrendsQuery Parse(JsonElement body)
    {
        var (zone, from, to, segmentId, segment) = QueryWindow.Parse(body, "trends", clock.GetUtcNow());
        var interval = QueryFields.Enum(body, "interval", "interval", TrendInterval.Day);
        if (LocalBuckets.Estimate(from, to, interval) > limits.MaxBuckets)
        {
            throw new QueryException(
                $"The range is too large for interval '{interval.ToString().ToLowerInvariant()}': at most {limits.MaxBuckets} buckets per series. Use a larger interval or a shorter range.",
                "interval");
        }

        var measure = QueryFields.Enum(body, "measure", "measure", TrendMeasure.Count);
        var prop = QueryFields.Text(body, "prop", "prop");
        var series = ParseSeries(body, measure, prop);
        var breakdown = QueryFields.Optional(body, "breakdown") is { } breakdownJson ? ParseBreakdown(breakdownJson) : null;
        var formula = QueryFields.Text(body, "formula", "formula") is { } formulaText ? TrendFormula.Parse(formulaText, series.Count, "formula") : null;
        var source = QueryFields.Enum(body, "source", "source", TrendSource.Auto);
        if (series.Any(s => s.Metric is not null))
        {
            RefuseWithMetrics(breakdown is not null, "breakdown", "a breakdown splits events by a property");
            RefuseWithMetrics(segmentId is not null || segment is not null, "segment", "a segment picks users");
        }

        return new TrendsQuery(series, interval, from, to, zone, breakdown, segmentId, segment, formula, source);
    }

    private List<TrendSeries> ParseSeries(JsonElement body, TrendMeasure measure, string? prop)
    {
        var items = QueryFields.Array(body, "series", "series").ToList();
        if (items.Count == 0)
        {
            throw new QueryException("'series' needs at least one event or metric.", "series");
        }

        if (items.Count > limits.MaxSeries)
        {
            throw new QueryException($"At most {limits.MaxSeries} series in one query.", "series");
        }

        var series = new List<TrendSeries>();
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new QueryException("A series is an object: {\"event\", \"filters\"} or {\"metric\", \"agg\", \"dims\"}.", path);
            }

            var letter = ((char)('A' + series.Count)).ToString(CultureInfo.InvariantCulture);
            if (QueryFields.Optional(item, "metric") is not null)
            {
                series.Add(MetricSeriesOf(item, path, letter));
                continue;
            }

            var name = QueryFields.Text(item, "event", path + ".event", required: true)!;
            var seriesMeasure = QueryFields.Enum(item, "measure", path + ".measure", measure);
            var seriesProp = QueryFields.Text(item, "prop", path + ".prop") ?? prop;
            if (seriesMeasure is TrendMeasure.Sum or TrendMeasure.Avg or TrendMeasure.Min or TrendMeasure.Max && seriesProp is null)
            {
                throw new QueryException($"Measure '{seriesMeasure.ToString().ToLowerInvariant()}' needs 'prop': the numeric property to compute it of.", "prop");
            }

            var label = QueryFields.Text(item, "label", path + ".label") ?? name;
            series.Add(new TrendSeries(letter, name, PropertyFilterParser.ParseAll(item, path, AnyScope), seriesMeasure, seriesProp, label));
        }

        return series;
    }

    /// <summary>An imported metric as a series (docs/query.md, "Metrics in a trend"): read from its points on the trend's buckets.</summary>
    private static TrendSeries MetricSeriesOf(JsonElement item, string path, string letter)
    {
        if (QueryFields.Optional(item, "event") is not null)
        {
            throw new QueryException("A series is either an event or a metric, not both.", path + ".event");
        }

        if (QueryFields.Optional(item, "filters") is not null)
        {
            throw new QueryException("A metric series is narrowed with 'dims', not 'filters'.", path + ".filters");
        }

        var metric = MetricSeriesParser.Parse(item, path);
        var label = QueryFields.Text(item, "label", path + ".label") ?? metric.Metric;
        return new TrendSeries(letter, metric.Metric, [], TrendMeasure.Sum, null, label, metric);
    }

    private static void RefuseWithMetrics(bool present, string field, string why)
    {
        if (present)
        {
            throw new QueryException($"A trend with a metric series takes no {field}: {why}, and metric points have neither.", field);
        }
    }

    private TrendBreakdown ParseBreakdown(JsonElement breakdown)
    {
        var (prop, on, limit) = BreakdownField.Parse(breakdown, limits);
        return new TrendBreakdown(prop, on, limit);
    }
}
