using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Query.Filters;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Core.Query.Segments;

/// <summary>
/// Reads a segment: <c>{"name", "match": "all"|"any", "filters": [user property filters],
/// "behaviors": [{"event", "did": true, "withinDays": 30, "filters": [event property filters]}]}</c>.
/// It is also the check a saved segment passes before it is stored.
/// </summary>
public sealed class SegmentParser : ISavedDefinitionCheck
{
    public const int MaxWithinDays = 365;

    private static readonly PropertyScope[] UserScope = [PropertyScope.User];
    private static readonly PropertyScope[] EventScope = [PropertyScope.Event];

    public SavedKind Kind => SavedKind.Segments;

    public void Check(JsonElement definition) => Parse(definition, "segment");

    public static SegmentDefinition Parse(JsonElement segment, string path)
    {
        if (segment.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("A segment is an id (a string) or an object with filters and behaviors.", path);
        }

        var match = QueryFields.Text(segment, "match", path + ".match") ?? "all";
        if (match is not ("all" or "any"))
        {
            throw new QueryException("'match' is 'all' or 'any'.", path + ".match");
        }

        // Filters of a segment read the user's properties unless they say otherwise; session ones are not a user group.
        var filters = QueryFields.Array(segment, "filters", path + ".filters")
            .Select(item => PropertyFilterParser.Parse(WithDefaultScope(item.Item), item.Path, UserScope))
            .ToList();
        var behaviors = QueryFields.Array(segment, "behaviors", path + ".behaviors").Select(item => new SegmentBehavior(
            QueryFields.Text(item.Item, "event", item.Path + ".event", required: true)!,
            QueryFields.Bool(item.Item, "did", item.Path + ".did", true),
            QueryFields.WholeNumber(item.Item, "withinDays", item.Path + ".withinDays", 30, 1, MaxWithinDays),
            PropertyFilterParser.ParseAll(item.Item, item.Path, EventScope))).ToList();
        if (filters.Count == 0 && behaviors.Count == 0)
        {
            throw new QueryException("A segment needs at least one filter or behavior.", path);
        }

        return new SegmentDefinition(QueryFields.Text(segment, "name", path + ".name") ?? "segment", match == "any", filters, behaviors);
    }

    private static JsonElement WithDefaultScope(JsonElement filter)
    {
        if (filter.ValueKind != JsonValueKind.Object || filter.TryGetProperty("on", out _))
        {
            return filter;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(filter.GetRawText())!.AsObject();
        node["on"] = "user";
        return JsonSerializer.SerializeToElement(node);
    }
}
