using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenMetrics.Core.Storage;

/// <summary>
/// How client JSON (props, event pages, profiles) is written into table entities. The default encoder escapes HTML
/// characters (<c>&lt; &gt; &amp; ' +</c>) as six characters each, so a value full of them would grow threefold between
/// the ingest limit and the entity. Stored JSON is never served as HTML (answers are written again by the query
/// API's own serializer), so only what JSON itself needs is escaped. The ingest measures props as they are sent to
/// storage (<see cref="SentLength"/>).
/// </summary>
public static class StoredJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    public static readonly JsonSerializerOptions NodeOptions = new() { Encoder = Encoder };

    /// <summary>
    /// The bytes a value takes in a table entity as the storage receives it: written in the stored form, then escaped
    /// again as the Tables SDK sends a string property (its default encoder turns <c>&lt;</c>, <c>"</c> and every
    /// non-ASCII character into six bytes). Azurite holds that request text to 1 MB an entity; Azure counts two bytes
    /// a character, which this never undercounts.
    /// </summary>
    public static int SentLength(JsonElement value) => SentLength(Write(writer => value.WriteTo(writer)));

    /// <summary>The bytes text already in the stored form takes as the storage receives it (see <see cref="SentLength(JsonElement)"/>).</summary>
    public static int SentLength(string stored)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(stored);
        }

        return buffer.WrittenCount - 2;
    }

    /// <summary>A serializer's output in the stored form.</summary>
    public static string Write(Action<Utf8JsonWriter> serialize)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            serialize(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
