using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;
using OpenMetrics.Core.Query.Filters;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Window;

namespace OpenMetrics.Core.Query.Retention;

/// <summary>
/// Reads and checks a retention query (docs/query.md <c>POST /api/query/retention</c>); every mistake is a 400 naming its
/// field. Also the check a saved retention passes before it is stored.
/// </summary>
public sealed class RetentionQueryParser(QueryLimits limits, TimeProvider clock) : ISavedDefinitionCheck
{
    public const int MaxPeriods = 100;

    private static readonly PropertyScope[] AnyScope = [PropertyScope.Event, PropertyScope.User, PropertyScope.Session];

    public SavedKind Kind => SavedKind.Retentions;

    public void Check(JsonElement definition) => Parse(definition);

    public RetentionQuery Parse(JsonElement body)
    {
        var (zone, from, to, segmentId, segment) = QueryWindow.ParseRaw(body, "retention", limits.MaxRawScanDays, clock.GetUtcNow());

        var definition = new RetentionDefinition(from, to, Event(body, "startEvent"), Event(body, "returnEvent"))
        {
            Period = QueryFields.Enum(body, "period", "period", RetentionPeriod.Day),
            Periods = QueryFields.WholeNumber(body, "periods", "periods", 7, 1, MaxPeriods),
            Type = QueryFields.Enum(body, "type", "type", RetentionType.First),
            Unbounded = QueryFields.Bool(body, "unbounded", "unbounded", false),
            TimeZone = zone,
        };

        // Returns count up to the last cohort's period N - 1: that, not the cohort range, is what the read spans.
        var readTo = new RetentionEngine(definition, clock.GetUtcNow()).ReadTo;
        if ((readTo - from).TotalDays > limits.MaxAnalysisReadDays)
        {
            throw new QueryException(
                $"The cohorts and their return periods span more than {limits.MaxAnalysisReadDays} days of raw events. Use fewer periods or a shorter range.",
                "periods");
        }
        return new RetentionQuery(definition, segmentId, segment);
    }

    /// <summary>A start or return event: null (any active event), a name, or <c>{"event", "filters"}</c> (a null event with filters: any active event that passes them).</summary>
    private static EventPredicate? Event(JsonElement body, string name) => QueryFields.Optional(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } => EventPredicate.Named(QueryFields.Text(body, name, name)!),
        { ValueKind: JsonValueKind.Object } item => new EventPredicate(QueryFields.Text(item, "event", name + ".event"), PropertyFilterParser.ParseAll(item, name, AnyScope)),
        _ => throw new QueryException($"'{name}' is null (any active event), an event name, or {{\"event\", \"filters\"}}.", name),
    };
}
