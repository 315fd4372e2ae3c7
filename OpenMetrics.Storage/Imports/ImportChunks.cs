using System.Text.Json;
using Azure.Storage.Blobs;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// The chunk blobs of the <c>imports</c> container: NDJSON, one record a line as <c>{"line":N,"value":{...}}</c> or
/// <c>{"line":N,"error":"..."}</c>, with the line number of the whole file. A chunk is written whole, once, by the
/// upload, and read whole by the chunk's queue message: it is small (a few thousand records).
/// </summary>
public sealed class ImportChunks(BlobContainerClient container)
{
    private volatile bool _created;

    public static string BlobName(string importId, int chunk, string partToken) =>
        $"{importId}/{chunk.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)}-{partToken}.ndjson";

    public async Task WriteAsync(string blobName, BinaryData ndjson, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }

        await container.GetBlobClient(blobName).UploadAsync(ndjson, overwrite: true, cancellationToken);
    }

    public async Task<IReadOnlyList<ImportRecord>> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var content = (await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
        var records = new List<ImportRecord>();
        foreach (var line in content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var number = root.GetProperty("line").GetInt64();
            records.Add(root.TryGetProperty("value", out var value)
                ? new ImportRecord(number, value.Clone(), null)
                : new ImportRecord(number, null, root.GetProperty("error").GetString()));
        }

        return records;
    }

    /// <summary>One record as its chunk line, the newline included.</summary>
    public static void WriteLine(Utf8JsonWriter writer, Stream buffer, ImportRecord record, long line)
    {
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        if (record.Value is { } value)
        {
            writer.WritePropertyName("value");
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteString("error", record.Error ?? "The record could not be read.");
        }

        writer.WriteEndObject();
        writer.Flush();
        buffer.WriteByte((byte)'\n');
    }

    /// <summary>Best effort: the blobs of a part that was not committed are never read; removing them only saves space.</summary>
    public async Task DeleteAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken)
    {
        foreach (var name in blobNames)
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
    }
}
