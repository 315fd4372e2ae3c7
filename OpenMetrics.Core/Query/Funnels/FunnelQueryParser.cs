using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Query.Filters;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Window;

namespace OpenMetrics.Core.Query.Funnels;

/// <summary>
/// Reads and checks a funnel query (docs/query.md <c>POST /api/query/funnel</c>); every mistake is a 400 naming its field.
/// Also the check a saved funnel passes before it is stored.
/// </summary>
public sealed class FunnelQueryParser(QueryLimits limits, TimeProvider clock) : ISavedDefinitionCheck
{
    public const int MaxSteps = 20;
    public const int MaxExclusions = 10;
    public const int MaxDropOffLimit = 1000;

    private static readonly PropertyScope[] AnyScope = [PropertyScope.Event, PropertyScope.User, PropertyScope.Session];

    public SavedKind Kind => SavedKind.Funnels;

    public void Check(JsonElement definition) => Parse(definition);

    public FunnelQuery Parse(JsonElement body)
    {
        var (zone, from, to, segmentId, segment) = QueryWindow.ParseRaw(body, "funnel", limits.MaxRawScanDays, clock.GetUtcNow());

        var steps = QueryFields.Array(body, "steps", "steps").Select(item => Step(item.Item, item.Path)).ToList();
        if (steps.Count is < 2 or > MaxSteps)
        {
            throw new QueryException($"A funnel has 2 to {MaxSteps} steps.", "steps");
        }

        var window = QueryFields.Text(body, "window", "window") is { } windowText
            ? FunnelWindow.Parse(windowText, limits.MaxRawScanDays, "window")
            : FunnelDefinition.DefaultWindow;
        var exclusions = QueryFields.Array(body, "exclusions", "exclusions").Select(item => Exclusion(item.Item, item.Path, steps.Count)).ToList();
        if (exclusions.Count > MaxExclusions)
        {
            throw new QueryException($"At most {MaxExclusions} exclusions.", "exclusions");
        }

        var definition = new FunnelDefinition(steps, from, to)
        {
            Window = window,
            Order = QueryFields.Enum(body, "order", "order", FunnelOrder.Sequential),
            Exclusions = exclusions,
            Breakdown = QueryFields.Optional(body, "breakdown") is { } breakdown ? Breakdown(breakdown) : null,
            DropOffLimit = QueryFields.WholeNumber(body, "dropoffLimit", "dropoffLimit", 100, 0, MaxDropOffLimit),
        };
        return new FunnelQuery(definition, zone, segmentId, segment);
    }

    private Breakdown Breakdown(JsonElement json)
    {
        var (prop, on, limit) = BreakdownField.Parse(json, limits);
        return new Breakdown(prop, on, limit);
    }

    private static FunnelStep Step(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("A step is an object: {\"event\", \"filters\"}.", path);
        }

        return new FunnelStep(QueryFields.Text(item, "event", path + ".event", required: true)!, PropertyFilterParser.ParseAll(item, path, AnyScope));
    }

    private static FunnelExclusion Exclusion(JsonElement item, string path, int steps)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("An exclusion is an object: {\"event\", \"filters\", \"fromStep\", \"toStep\"}.", path);
        }

        var fromStep = QueryFields.WholeNumber(item, "fromStep", path + ".fromStep", 0, 0, steps - 2);
        var toStep = QueryFields.WholeNumber(item, "toStep", path + ".toStep", steps - 1, fromStep + 1, steps - 1);
        return new FunnelExclusion(QueryFields.Text(item, "event", path + ".event", required: true)!, PropertyFilterParser.ParseAll(item, path, AnyScope))
        {
            FromStep = fromStep,
            ToStep = toStep,
        };
    }
}
