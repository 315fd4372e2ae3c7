using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// JSON written with every object's keys in ordinal order, so that the same props hash the same whatever order the
/// export wrote them in. Numbers are kept as written: an export that writes 1.0 one day and 1 the next is rare, and
/// reading them as doubles would merge values that differ past 15 digits.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(JsonElement? value)
    {
        if (value is null)
        {
            return "";
        }

        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            Write(writer, value.Value);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
