using System.Text.Json;

namespace OpenMetrics.Core.Query.Segments;

/// <summary>The <c>segment</c> field every query kind shares: a saved segment's id (a string), an inline definition (an object), or none.</summary>
public static class SegmentField
{
    public static (string? Id, SegmentDefinition? Inline) Parse(JsonElement body) => QueryFields.Optional(body, "segment") switch
    {
        { ValueKind: JsonValueKind.String } id => (id.GetString(), null),
        { } inline => (null, SegmentParser.Parse(inline, "segment")),
        null => (null, null),
    };
}
