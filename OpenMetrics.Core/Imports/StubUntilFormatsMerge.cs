using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

// Stand-ins for the formats branch's readers and mappers, with their signatures; deleted when it is merged.
#pragma warning disable CA1062, CS1591
public sealed class ImportFileException(string message) : Exception(message);

public static class ImportFormats
{
    public static bool TryParse(string? text, out ImportFormat format)
    {
        format = default;
        return text is not null && Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);
    }

    public static string Name(ImportFormat format) => format.ToString().ToLowerInvariant();
}

public static class ImportRecordReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream body, bool gzip, [EnumeratorCancellation] CancellationToken ct)
    {
        var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
        using var reader = new StreamReader(source, Encoding.UTF8);
        long line = 0;
        while (true)
        {
            string? text;
            try
            {
                text = await reader.ReadLineAsync(ct);
            }
            catch (InvalidDataException exception)
            {
                throw new ImportFileException("The gzip body is damaged: " + exception.Message);
            }

            if (text is null)
            {
                break;
            }

            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            ImportRecord record;
            try
            {
                using var document = JsonDocument.Parse(text);
                record = new ImportRecord(line, document.RootElement.Clone(), null);
            }
            catch (JsonException)
            {
                record = new ImportRecord(line, null, "not JSON");
            }

            yield return record;
        }

        if (gzip && line == 0)
        {
            throw new ImportFileException("The gzip body ends early.");
        }
    }

    public static string? Sniff(ReadOnlySpan<byte> head, ImportFormat format)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart();
        return text.StartsWith('{') || text.StartsWith('[') ? null : "The body is not NDJSON.";
    }
}

public static class ImportRowMapper
{
    public static ImportedRow Map(ImportFormat format, ImportRecord record, IngestLimits limits, DateTimeOffset now)
    {
        if (record.Value is not { } value)
        {
            return new ImportedRow(record.Line, null, record.Error);
        }

        var name = value.TryGetProperty(format == ImportFormat.Amplitude ? "event_type" : format == ImportFormat.OpenMetrics ? "name" : "event", out var n) ? n.GetString() : null;
        var props = format == ImportFormat.Mixpanel && value.TryGetProperty("properties", out var p) ? p : value;
        string? Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var user = format switch
        {
            ImportFormat.Mixpanel => Text(props, "distinct_id"),
            ImportFormat.Amplitude => Text(value, "user_id"),
            ImportFormat.OpenMetrics => Text(value, "userId"),
            _ => Text(value, "distinct_id"),
        };
        var device = format == ImportFormat.Amplitude ? Text(value, "device_id") : null;
        var session = format == ImportFormat.OpenMetrics ? Text(value, "sessionId") : null;
        DateTimeOffset ts;
        if (format == ImportFormat.Mixpanel && props.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number)
        {
            ts = t.GetInt64() > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(t.GetInt64()) : DateTimeOffset.FromUnixTimeSeconds(t.GetInt64());
        }
        else if (Text(value, format == ImportFormat.Amplitude ? "event_time" : format == ImportFormat.OpenMetrics ? "ts" : "timestamp") is { } iso && DateTimeOffset.TryParse(iso, out var parsed))
        {
            ts = parsed.ToUniversalTime();
        }
        else
        {
            return new ImportedRow(record.Line, null, "no time");
        }

        if (string.IsNullOrEmpty(name) || (user ?? device ?? session) is null)
        {
            return new ImportedRow(record.Line, null, "no event name or user");
        }

        if (ts < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) || ts > now + limits.MaxClockAhead)
        {
            return new ImportedRow(record.Line, null, "time out of range");
        }

        var insert = Text(props, "$insert_id") ?? Text(value, "insert_id") ?? Text(value, "uuid") ?? Text(value, "id")
            ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}|{name}|{ts:O}|{value.GetRawText()}")))[..32];
        JsonElement? eventProps = format switch
        {
            ImportFormat.Amplitude => value.TryGetProperty("event_properties", out var ep) ? ep : null,
            ImportFormat.OpenMetrics or ImportFormat.PostHog => value.TryGetProperty("props", out var op) ? op : value.TryGetProperty("properties", out var pp) ? pp : null,
            _ => null,
        };
        JsonElement? userProps = format == ImportFormat.Amplitude && value.TryGetProperty("user_properties", out var up) ? up : null;
        return new ImportedRow(record.Line, new ImportedEvent(user, device, session, name!, ts, insert, eventProps, userProps), null);
    }
}
