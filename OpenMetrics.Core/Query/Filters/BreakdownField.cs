using System.Text.Json;
using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Filters;

/// <summary>The <c>breakdown</c> object every query kind shares: <c>{"prop", "on", "limit"}</c>.</summary>
public static class BreakdownField
{
    public static (string Prop, PropertyScope On, int Limit) Parse(JsonElement breakdown, QueryLimits limits)
    {
        if (breakdown.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("A breakdown is an object: {\"prop\", \"on\", \"limit\"}.", "breakdown");
        }

        return (
            QueryFields.Text(breakdown, "prop", "breakdown.prop", required: true)!,
            QueryFields.Enum(breakdown, "on", "breakdown.on", PropertyScope.Event),
            QueryFields.WholeNumber(breakdown, "limit", "breakdown.limit", 10, 1, limits.MaxBreakdownLimit));
    }
}
