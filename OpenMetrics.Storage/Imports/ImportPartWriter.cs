using System.Text.Json;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// Streams one part of an import file into chunk blobs: records are read as they arrive, gathered in a window of a
/// few chunks, ordered by their session within it (file order kept inside a session) and cut into chunks, so memory
/// holds one window, never the file. An export ordered by time has every user in every chunk; grouped, a user's rows
/// of a window are a few messages of one chunk instead of a few in each (docs/imports.md, "How fast"). The part's blobs carry a token of its own: two tries at the same
/// part (a client retry racing the first) never overwrite each other's chunks, and only the try that commits is read.
/// </summary>
public sealed class ImportPartWriter(ImportChunks chunks)
{
    /// <summary>A chunk is also cut at this size, so a file of huge records keeps memory bounded too.</summary>
    private const int MaxChunkBytes = 8 * 1024 * 1024;

    /// <summary>Records are grouped by session over this many chunks' worth, or this many bytes, whichever comes first.</summary>
    private const int WindowChunks = 8;

    private const int MaxWindowBytes = 32 * 1024 * 1024;

    /// <param name="firstChunk">The number the part's first chunk gets: the chunks of the parts before it come first.</param>
    /// <param name="lineShift">Added to the part's own line numbers, so lines continue across parts as if one file.</param>
    /// <param name="sessionOf">The session a record's event goes to (any text for a record that will be refused).</param>
    public async Task<WrittenPart> WriteAsync(
        string importId, int firstChunk, long lineShift, int recordsPerChunk, IAsyncEnumerable<ImportRecord> records, Func<ImportRecord, string> sessionOf,
        CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var blobs = new List<string>();
        var window = new List<(string Session, byte[] Line)>();
        long windowBytes = 0;
        using var buffer = new MemoryStream();
        using var lineBuffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(lineBuffer);
        var inChunk = 0;
        long lastLine = 0, count = 0;
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                lastLine = record.Line + lineShift;
                lineBuffer.SetLength(0);
                ImportChunks.WriteLine(writer, lineBuffer, record, lastLine);
                window.Add((sessionOf(record), lineBuffer.ToArray()));
                windowBytes += lineBuffer.Length;
                count++;
                if (window.Count >= recordsPerChunk * WindowChunks || windowBytes >= MaxWindowBytes)
                {
                    await CutWindowAsync();
                }
            }

            await CutWindowAsync();
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

        async Task CutWindowAsync()
        {
            // OrderBy is stable: a session's rows keep their file order, which its events' order within a second needs.
            foreach (var (_, line) in window.OrderBy(entry => entry.Session, StringComparer.Ordinal))
            {
                buffer.Write(line);
                if (++inChunk >= recordsPerChunk || buffer.Length >= MaxChunkBytes)
                {
                    await FlushAsync();
                }
            }

            window.Clear();
            windowBytes = 0;
        }

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
