using System.Text.Json;
using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Filters;

/// <summary>Reads the <c>filters</c> array of a series, a step or a segment.</summary>
public static class PropertyFilterParser
{
    public static List<PropertyFilter> ParseAll(JsonElement parent, string path, IReadOnlyCollection<PropertyScope> allowed) =>
        [.. QueryFields.Array(parent, "filters", path + ".filters").Select(item => Parse(item.Item, item.Path, allowed))];

    public static PropertyFilter Parse(JsonElement filter, string path, IReadOnlyCollection<PropertyScope> allowed)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("A filter is an object: {\"prop\", \"op\", \"value\", \"on\"}.", path);
        }

        var prop = QueryFields.Text(filter, "prop", path + ".prop", required: true)!;
        var op = QueryFields.Enum(filter, "op", path + ".op", FilterOp.Eq);
        var on = QueryFields.Enum(filter, "on", path + ".on", PropertyScope.Event);
        if (!allowed.Contains(on))
        {
            throw new QueryException($"A filter here can read only {string.Join(" or ", allowed.Select(s => s.ToString().ToLowerInvariant()))} properties.", path + ".on");
        }

        var value = QueryFields.Optional(filter, "value");
        switch (op)
        {
            case FilterOp.Set or FilterOp.NotSet:
                break;
            case FilterOp.In when value is not { ValueKind: JsonValueKind.Array }:
                throw new QueryException("'in' needs a JSON array of values.", path + ".value");
            case FilterOp.Gt or FilterOp.Lt when value is not { ValueKind: JsonValueKind.Number or JsonValueKind.String }:
                throw new QueryException($"'{op.ToString().ToLowerInvariant()}' needs a number.", path + ".value");
            case not FilterOp.In when value is not { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False }:
                throw new QueryException($"'{op.ToString().ToLowerInvariant()}' needs a value: a string, a number or a boolean.", path + ".value");
        }

        return new PropertyFilter(prop, op, value?.Clone(), on);
    }
}
