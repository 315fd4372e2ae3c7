using System.Globalization;
using System.Text.Json;

namespace OpenMetrics.Core.Analysis;

/// <summary>
/// One filter on a property, as docs/query.md writes it: <c>{"prop", "op", "value", "on"}</c>. Matching follows what
/// PostHog and Mixpanel users expect (docs/semantics.md, "Filters"): a number equals its text ("5" eq 5); text
/// comparisons are exact for eq/in and case-insensitive for contains; gt/lt compare numbers only; a property that is
/// absent or null is "not set", and every comparison but neq and notset fails on it.
/// </summary>
public sealed record PropertyFilter(string Prop, FilterOp Op, JsonElement? Value, PropertyScope On)
{
    public bool Matches(JsonElement? props)
    {
        JsonElement? found = props is { ValueKind: JsonValueKind.Object } bag && bag.TryGetProperty(Prop, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;
        if (found is not { } present)
        {
            return Op is FilterOp.NotSet or FilterOp.Neq;
        }

        return Op switch
        {
            FilterOp.Set => true,
            FilterOp.NotSet => false,
            FilterOp.Neq => !EqualsValue(present, Value!.Value),
            FilterOp.Eq => EqualsValue(present, Value!.Value),
            FilterOp.In => Value!.Value.EnumerateArray().Any(candidate => EqualsValue(present, candidate)),
            FilterOp.Contains => Text(present) is { } text && Text(Value!.Value) is { } part && text.Contains(part, StringComparison.OrdinalIgnoreCase),
            FilterOp.Gt => Number(present) is { } number && Number(Value!.Value) is { } bound && number > bound,
            FilterOp.Lt => Number(present) is { } number && Number(Value!.Value) is { } bound && number < bound,
            _ => false,
        };
    }

    /// <summary>The text a scalar is compared and broken down by: strings as they are, numbers as written, true/false.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static bool EqualsValue(JsonElement present, JsonElement expected)
    {
        // Numerically only when one side is a JSON number: "05" and "5" are different texts, 5 and "5.0" the same number.
        if ((present.ValueKind == JsonValueKind.Number || expected.ValueKind == JsonValueKind.Number)
            && Number(present) is { } left && Number(expected) is { } right)
        {
            return left == right;
        }

        return Text(present) is { } text && text == Text(expected);
    }

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var number) => number,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };
}
