using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenMetrics.Storage.Imports;

/// <summary>One message of the <c>imports</c> queue: a chunk to process. The blob name comes from the committed part, so a stray blob is never read.</summary>
public sealed record ImportChunkMessage(
    [property: JsonPropertyName("import")] string Import,
    [property: JsonPropertyName("chunk")] int Chunk,
    [property: JsonPropertyName("blob")] string Blob)
{
    public BinaryData ToBody() => new(JsonSerializer.SerializeToUtf8Bytes(this));

    public static ImportChunkMessage Parse(BinaryData body) =>
        JsonSerializer.Deserialize<ImportChunkMessage>(body.ToMemory().Span) ?? throw new JsonException("The import chunk message is null.");
}
