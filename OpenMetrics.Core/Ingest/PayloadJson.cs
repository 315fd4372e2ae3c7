using System.Text;
using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>Parses a payload and insists on a JSON object, with the reasons docs/api-v1.md asks for.</summary>
internal static class PayloadJson
{
    public static PayloadRead Parse(string text, string field) => Parse(Encoding.UTF8.GetBytes(text), field);

    public static PayloadRead Parse(ReadOnlySpan<byte> utf8, string field)
    {
        JsonElement element;
        try
        {
            element = JsonSerializer.Deserialize(utf8, PayloadElementJson.Default.JsonElement);
        }
        catch (JsonException)
        {
            return PayloadRead.Refused(IngestRejection.BadRequest($"{field} is not valid JSON", field));
        }

        return element.ValueKind == JsonValueKind.Object
            ? PayloadRead.Read(element)
            : PayloadRead.Refused(IngestRejection.BadRequest($"{field} must be a JSON object, not {Describe(element.ValueKind)}", field));
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
