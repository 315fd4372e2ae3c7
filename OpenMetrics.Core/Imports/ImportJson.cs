using System.Buffers;
using System.Text.Json;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Imports;

/// <summary>Small readings of a record's JSON that every format mapper needs.</summary>
internal static class ImportJson
{
    /// <summary>A property, or null when it is absent or JSON null (exports write null for "not set").</summary>
    public static JsonElement? Get(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var found) && found.ValueKind != JsonValueKind.Null
            ? found
            : null;

    /// <summary>
    /// An id as text: a string, or a number as written (a CSV column of numeric ids arrives as numbers, and Mixpanel's
    /// distinct_id may be one). Empty is absent. The error names the field when it is another kind of value.
    /// </summary>
    public static string? Text(JsonElement? value, string field, ref string? error)
    {
        switch (value?.ValueKind)
        {
            case null:
                return null;
            case JsonValueKind.String:
                var text = value.Value.GetString();
                return string.IsNullOrEmpty(text) ? null : text;
            case JsonValueKind.Number:
                return value.Value.GetRawText();
            default:
                error ??= $"{field} must be a string, not {PayloadJson.Describe(value.Value.ValueKind)}";
                return null;
        }
    }

    /// <summary>An object without the named keys: the props as sent, less the fields the mapping has consumed.</summary>
    public static JsonElement Without(JsonElement value, params ReadOnlySpan<string> names)
    {
        var drop = names.ToArray();
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, StoredJson.WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in value.EnumerateObject())
            {
                if (Array.IndexOf(drop, property.Name) < 0)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(output.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
