using System.Text;
using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// Looks at the first bytes of a file for what makes it plainly not the named format: binary data, text that is
/// neither JSON nor CSV, or a first record (NDJSON line, array item, CSV header) without a field the format needs.
/// It says nothing when the head ends before it can tell: the reader will.
/// </summary>
internal static class ImportSniffer
{
    public static string? Sniff(ReadOnlySpan<byte> head, ImportFormat format)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return "the file is gzip but was not sent with Content-Encoding: gzip";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "the file is a zip archive: unzip it and import the files inside";
        }

        if (head.Contains((byte)0) || !IsUtf8Text(head))
        {
            return "the file is binary, not UTF-8 text (NDJSON, a JSON array or CSV)";
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return head.Length == 0 ? "the file is empty" : "the file holds only whitespace";
        }

        return text[0] switch
        {
            (byte)'[' => SniffFirstItem(text[1..], format),
            (byte)'{' => SniffFirstLine(text, format),
            _ => SniffHeader(text, format),
        };
    }

    private static string? SniffFirstLine(ReadOnlySpan<byte> text, ImportFormat format)
    {
        var newline = text.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return null; // the first line goes on past the head
        }

        var line = text[..newline].TrimEnd(" \t\r"u8);
        JsonElement first;
        try
        {
            var reader = new Utf8JsonReader(line);
            first = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return $"the first line is not valid JSON: {e.Message}";
        }

        return Missing(first, format, "the first line");
    }

    private static string? SniffFirstItem(ReadOnlySpan<byte> text, ImportFormat format)
    {
        var rest = text.TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] == (byte)']')
        {
            return rest.IsEmpty ? null : "the file is an empty JSON array";
        }

        var reader = new Utf8JsonReader(rest, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()))
            {
                return null;
            }
        }
        catch (JsonException e)
        {
            return $"the file starts like a JSON array but is not valid JSON: {e.Message}";
        }

        var itemReader = new Utf8JsonReader(rest[..(int)reader.BytesConsumed]);
        return Missing(JsonElement.ParseValue(ref itemReader), format, "the first item of the array");
    }

    private static string? SniffHeader(ReadOnlySpan<byte> text, ImportFormat format)
    {
        var newline = text.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        var header = Encoding.UTF8.GetString(text[..newline].TrimEnd(" \t\r"u8));
        if (!header.Contains(','))
        {
            return $"the file is neither JSON (it does not start with {{ or [) nor CSV (its first line has no comma): \"{Shorten(header)}\"";
        }

        // A dotted column (properties.time) counts as its first part, as the reader nests it.
        var columns = header.Split(',').Select(c => c.Trim().Trim('"').Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var alternatives in ImportRequiredFields.Of(format))
        {
            if (!alternatives.Any(columns.Contains))
            {
                return $"the CSV header has no column {ImportRequiredFields.Describe(alternatives)}, which the {ImportFormats.Name(format)} format needs";
            }
        }

        return null;
    }

    private static string? Missing(JsonElement first, ImportFormat format, string where)
    {
        if (first.ValueKind != JsonValueKind.Object)
        {
            return $"{where} is not a JSON object";
        }

        foreach (var alternatives in ImportRequiredFields.Of(format))
        {
            if (!alternatives.Any(name => first.TryGetProperty(name, out _)))
            {
                return $"{where} has no field {ImportRequiredFields.Describe(alternatives)}, which the {ImportFormats.Name(format)} format needs (is it another tool's export?)";
            }
        }

        return null;
    }

    /// <summary>Valid UTF-8, allowing a character cut off at the end of the head.</summary>
    private static bool IsUtf8Text(ReadOnlySpan<byte> head)
    {
        for (var trim = 0; trim <= 3 && trim <= head.Length; trim++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head[..^trim]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
