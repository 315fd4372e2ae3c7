using System.Text.Json;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// Streams one part of an import file into chunk blobs: records are read as they arrive and written a chunk at a
/// time, so memory holds one chunk, never the file. The part's blobs carry a token of its own: two tries at the same
/// part (a client retry racing the first) never overwrite each other's chunks, and only the try that commits is read.
/// </summary>
public sealed class ImportPartWriter(ImportChunks chunks)
{
    /// <summary>A chunk is also cut at this size, so a file of huge records keeps memory bounded too.</summary>
    private const int MaxChunkBytes = 8 * 1024 * 1024;

    /// <param name="firstChunk">The number the part's first chunk gets: the chunks of the parts before it come first.</param>
    /// <param name="lineShift">Added to the part's own line numbers, so lines continue across parts as if one file.</param>
    public async Task<WrittenPart> WriteAsync(
        string importId, int firstChunk, long lineShift, int recordsPerChunk, IAsyncEnumerable<ImportRecord> records, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var blobs = new List<string>();
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);
        var inChunk = 0;
        long lastLine = 0, count = 0;
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                lastLine = record.Line + lineShift;
                ImportChunks.WriteLine(writer, buffer, record, lastLine);
                count++;
                if (++inChunk >= recordsPerChunk || buffer.Length >= MaxChunkBytes)
                {
                    await FlushAsync();
                }
            }

            if (inChunk > 0)
            {
                await FlushAsync();
            }
        }
        catch
        {
            await chunks.DeleteAsync(blobs, CancellationToken.None);
            throw;
        }

        return new WrittenPart(token, blobs.Count, lastLine, count, blobs);

        async Task FlushAsync()
        {
            var name = ImportChunks.BlobName(importId, firstChunk + blobs.Count, token);
            await chunks.WriteAsync(name, new BinaryData(buffer.ToArray()), cancellationToken);
            blobs.Add(name);
            buffer.SetLength(0);
            inChunk = 0;
        }
    }

    /// <summary>The blobs of a part that lost the race to commit: never read, removed to save the space.</summary>
    public Task DiscardAsync(WrittenPart part, CancellationToken cancellationToken) => chunks.DeleteAsync(part.Blobs, cancellationToken);
}

/// <summary>What a part wrote: its token, its chunk count, its last line number (as if one file), its records and blob names.</summary>
public sealed record WrittenPart(string Token, int Chunks, long LastLine, long Records, IReadOnlyList<string> Blobs);
