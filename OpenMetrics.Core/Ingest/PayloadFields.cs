using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>Reads the fields that several calls share (ids, options.active), each with its reason when it is wrong.</summary>
internal static class PayloadFields
{
    public static JsonElement? Optional(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A required id: a non-empty string (or, where <paramref name="allowNumber"/>, a number) within the length limit.</summary>
    public static (string? Value, string? Error) Id(JsonElement? value, string field, int maxLength, bool allowNumber = false)
    {
        if (value is not { } element)
        {
            return (null, $"{field} is missing");
        }

        string text;
        if (element.ValueKind == JsonValueKind.String)
        {
            text = element.GetString()!;
        }
        else if (allowNumber && element.ValueKind == JsonValueKind.Number)
        {
            text = element.GetRawText();
        }
        else
        {
            var expected = allowNumber ? "a string or a number" : "a string";
            return (null, $"{field} must be {expected}, not {PayloadJson.Describe(element.ValueKind)}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, $"{field} is empty");
        }

        return text.Length > maxLength
            ? (null, $"{field} is {text.Length} characters long; the limit is {maxLength}")
            : (text, null);
    }

    /// <summary><c>options.active</c>: null when absent; only a JSON boolean is read, anything else is refused.</summary>
    public static (bool? Value, string? Error) Active(JsonElement owner, string field)
    {
        if (Optional(owner, "options") is not { ValueKind: JsonValueKind.Object } options
            || Optional(options, "active") is not { } active)
        {
            return (null, null);
        }

        return active.ValueKind switch
        {
            JsonValueKind.True => (true, null),
            JsonValueKind.False => (false, null),
            _ => (null, $"{field} must be true or false"),
        };
    }
}
