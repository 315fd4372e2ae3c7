using System.Text.Json;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Metrics;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// Reads and checks a saved custom metric (docs/metrics-alerts.md): its own fields, then its query through the parser
/// of the view it comes from, over the metric's default view, so that a metric that cannot run is refused at PUT time
/// with a 400 naming the field where it sits in the metric (<c>definition.query.steps[1].event</c>).
/// </summary>
public sealed class CustomMetricParser(TrendsQueryParser trends, FunnelQueryParser funnels, RetentionQueryParser retentions, TimeProvider clock)
    : ISavedDefinitionCheck
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    public SavedKind Kind => SavedKind.Metrics;

    public string NameField => "title";

    public void Check(JsonElement definition) => Parse(definition);

    public CustomMetricDefinition Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("A metric is a JSON object.", "");
        }

        var title = Bounded(QueryFields.Text(item, "title", "title", required: true)!, MaxTitleLength, "title");
        var description = QueryFields.Text(item, "description", "description") is { } text ? Bounded(text, MaxDescriptionLength, "description") : null;
        var unit = CustomMetricUnit.Parse(QueryFields.Text(item, "unit", "unit"), "unit");
        var goal = QueryFields.Optional(item, "goal") is { } goalJson ? ParseGoal(goalJson) : null;
        var view = QueryFields.Optional(item, "view") is { } viewJson ? ParseView(viewJson) : CustomMetricDefaults.Standard;

        if (QueryFields.Optional(item, "definition") is not { ValueKind: JsonValueKind.Object } definition)
        {
            throw new QueryException("A metric needs a 'definition': {\"kind\": \"trend\" | \"funnelConversion\" | \"retention\" | \"metric\", \"query\": {…}}.", "definition");
        }

        var kind = QueryFields.Text(definition, "kind", "definition.kind") switch
        {
            "trend" => CustomMetricKind.Trend,
            "funnelConversion" => CustomMetricKind.FunnelConversion,
            "retention" => CustomMetricKind.Retention,
            "metric" => CustomMetricKind.Metric,
            _ => throw new QueryException("'definition.kind' is one of trend, funnelConversion, retention, metric.", "definition.kind"),
        };

        if (QueryFields.Optional(definition, "query") is not { ValueKind: JsonValueKind.Object } query)
        {
            throw new QueryException("'definition.query' is the query body as its view sends it, without dates.", "definition.query");
        }

        foreach (var field in CustomMetricQueries.WindowFields.Where(field => QueryFields.Optional(query, field) is not null))
        {
            throw new QueryException(
                $"'definition.query.{field}': a metric's range, zone and interval come from the value request (or the metric's 'view'), not from its query.",
                "definition.query." + field);
        }

        var period = kind == CustomMetricKind.Retention
            ? QueryFields.WholeNumber(definition, "period", "definition.period", 1, 1, RetentionQueryParser.MaxPeriods - 1)
            : 0;
        var window = DefaultWindow(view);
        var (fromStep, toStep) = CheckQuery(kind, definition, query.Clone(), period, window, view.Interval);
        return new CustomMetricDefinition(title, description, unit, kind, query.Clone(), fromStep, toStep, period, goal, view);
    }

    /// <summary>The instants of a metric's default view now, as a value request without arguments reads them.</summary>
    public MetricWindow DefaultWindow(CustomMetricDefaults view) => Relative(view.Range, view.Tz, clock.GetUtcNow(), "view.");

    /// <summary>A relative range (<c>30d</c>) in a zone, as every query reads it; errors name <paramref name="prefix"/>'s fields.</summary>
    public static MetricWindow Relative(string range, string tz, DateTimeOffset now, string prefix)
    {
        using var document = JsonDocument.Parse($$"""{"range": {{JsonSerializer.Serialize(range)}}, "tz": {{JsonSerializer.Serialize(tz)}}}""");
        try
        {
            var zone = QueryFields.Zone(document.RootElement, "tz", "tz");
            var (from, to) = QueryRange.Parse(document.RootElement, zone, now);
            return new MetricWindow(from, to, zone);
        }
        catch (QueryException exception)
        {
            throw new QueryException(exception.Message, prefix + exception.Field);
        }
    }

    private (int FromStep, int ToStep) CheckQuery(CustomMetricKind kind, JsonElement definition, JsonElement query, int period, MetricWindow window, string interval)
    {
        var body = CustomMetricQueries.Body(kind, query, period, window, interval);
        try
        {
            switch (kind)
            {
                case CustomMetricKind.Metric:
                    // Read as a metrics query reads it first, so that a mistake names the metric's own field, not a trend series'.
                    MetricSeriesParser.Parse(query, "");
                    trends.Parse(body);
                    return (0, 0);
                case CustomMetricKind.Trend:
                    CheckTrend(trends.Parse(body));
                    return (0, 0);
                case CustomMetricKind.FunnelConversion:
                    var steps = funnels.Parse(body).Definition.Steps.Count;
                    var fromStep = QueryFields.WholeNumber(definition, "fromStep", "definition.fromStep", 0, 0, Math.Max(0, steps - 2));
                    var toStep = QueryFields.WholeNumber(definition, "toStep", "definition.toStep", steps - 1, fromStep + 1, steps - 1);
                    return (fromStep, toStep);
                default:
                    retentions.Parse(body);
                    return (0, 0);
            }
        }
        catch (QueryException exception) when (exception.Field is null || !exception.Field.StartsWith("definition.", StringComparison.Ordinal))
        {
            throw new QueryException(exception.Message, CustomMetricQueries.SavedField(kind, exception.Field), exception.Status);
        }
    }

    /// <summary>A metric is one number per bucket: one line, or a formula's line.</summary>
    private static void CheckTrend(TrendsQuery query)
    {
        if (query.Breakdown is not null)
        {
            throw new QueryException("A metric is one number: a trend metric takes no breakdown (save one metric per value instead).", "breakdown");
        }

        if (query.Series.Count > 1 && query.Formula is null)
        {
            throw new QueryException("A trend metric is one series, or a formula over several: add a 'formula' or keep one series.", "series");
        }
    }

    private static CustomMetricGoal ParseGoal(JsonElement goal)
    {
        if (goal.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("'goal' is {\"value\": 0.3, \"direction\": \"above\" | \"below\"}.", "goal");
        }

        if (QueryFields.Optional(goal, "value") is not { ValueKind: JsonValueKind.Number } value || !double.IsFinite(value.GetDouble()))
        {
            throw new QueryException("'goal.value' is a number in the metric's unit (a fraction for percent: 0.3 is 30 %).", "goal.value");
        }

        var direction = QueryFields.Enum(goal, "direction", "goal.direction", GoalDirection.Above);
        return new CustomMetricGoal(value.GetDouble(), direction);
    }

    private static CustomMetricDefaults ParseView(JsonElement view)
    {
        if (view.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("'view' is {\"range\": \"30d\", \"interval\": \"day\", \"tz\": \"UTC\"}.", "view");
        }

        var standard = CustomMetricDefaults.Standard;
        var interval = QueryFields.Enum(view, "interval", "view.interval", TrendInterval.Day).ToString().ToLowerInvariant();
        var result = new CustomMetricDefaults(
            QueryFields.Text(view, "range", "view.range") ?? standard.Range, interval, QueryFields.Text(view, "tz", "view.tz") ?? standard.Tz);
        Relative(result.Range, result.Tz, DateTimeOffset.UnixEpoch, "view.");
        return result;
    }

    private static string Bounded(string text, int max, string field) =>
        string.IsNullOrWhiteSpace(text) ? throw new QueryException($"'{field}' must not be empty.", field)
        : text.Length > max ? throw new QueryException($"'{field}' is at most {max} characters.", field)
        : text;
}
