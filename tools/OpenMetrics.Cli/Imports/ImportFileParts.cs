using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Cli.Imports;

/// <summary>
/// Cuts a file into request bodies of about <c>partBytes</c>, each ending on a record boundary (Azure Functions takes at
/// most 100 MB a request and 230 s an answer, so a 1 GB file goes in parts). A file that fits is sent as it is. A
/// larger one: NDJSON is cut after a line; CSV after a row (a line end outside quotes), each part starting with the
/// header row again; a JSON array is sent as NDJSON parts, one item a line. A .gz file that fits is sent gzipped as
/// it is; a larger one is gunzipped and each part gzipped again. Holds one part in memory, never the file.
/// </summary>
internal static class ImportFileParts
{
    private const int ChunkBytes = 64 * 1024;

    public static async IAsyncEnumerable<ImportPart> ReadAsync(
        Stream file, bool gzipped, long fileLength, long partBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (fileLength <= partBytes)
        {
            var whole = new byte[fileLength];
            await file.ReadExactlyAsync(whole, cancellationToken).ConfigureAwait(false);
            yield return new ImportPart(whole, gzipped, ContentType(gzipped ? Gunzip(whole) : whole), Final: true);
            yield break;
        }

        await using var input = gzipped ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        var pending = new MemoryStream();
        var ended = await FillAsync(input, pending, ChunkBytes, cancellationToken).ConfigureAwait(false);
        var first = FirstByte(pending);
        var parts = first switch
        {
            (byte)'[' => ArrayAsNdjsonAsync(pending, input, partBytes, cancellationToken),
            (byte)'{' => CutAsync(pending, input, ended, partBytes, csv: false, cancellationToken),
            _ => CutAsync(pending, input, ended, partBytes, csv: true, cancellationToken),
        };
        var contentType = first switch { (byte)'[' or (byte)'{' => "application/x-ndjson", _ => "text/csv" };
        await foreach (var (body, final) in parts.ConfigureAwait(false))
        {
            yield return new ImportPart(gzipped ? Gzip(body) : body, gzipped, contentType, final);
        }
    }

    private static async IAsyncEnumerable<(byte[] Body, bool Final)> CutAsync(
        MemoryStream pending, Stream input, bool ended, long partBytes, bool csv, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = csv ? TakeHeader(pending) : [];
        while (true)
        {
            ended = ended || await FillAsync(input, pending, partBytes + 1, cancellationToken).ConfigureAwait(false);
            if (ended && pending.Length <= partBytes)
            {
                yield return ([.. header, .. Held(pending)], true);
                yield break;
            }

            var cut = LastBoundary(Held(pending)[..(int)Math.Min(pending.Length, partBytes)], csv);

            // One record longer than a part: it goes whole, read on until it ends.
            while (cut < 0 && (cut = FirstBoundary(Held(pending), csv)) < 0 && !ended)
            {
                ended = await FillAsync(input, pending, pending.Length + ChunkBytes, cancellationToken).ConfigureAwait(false);
            }

            if (cut < 0)
            {
                yield return ([.. header, .. Held(pending)], true);
                yield break;
            }

            byte[] body = [.. header, .. Held(pending)[..(cut + 1)]];
            Drop(pending, cut + 1);

            // Only line ends left so far: read on, so that the part before them is the last one rather than an empty part.
            while (!ended && Held(pending).Trim(" \t\r\n"u8).IsEmpty)
            {
                ended = await FillAsync(input, pending, pending.Length + ChunkBytes, cancellationToken).ConfigureAwait(false);
            }

            var last = ended && Held(pending).Trim(" \t\r\n"u8).IsEmpty;
            yield return (body, last);
            if (last)
            {
                yield break;
            }
        }
    }

    private static Span<byte> Held(MemoryStream pending) => pending.GetBuffer().AsSpan(0, (int)pending.Length);

    private static async IAsyncEnumerable<(byte[] Body, bool Final)> ArrayAsNdjsonAsync(
        MemoryStream pending, Stream input, long partBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The array is read by the same reader as the server's; each item is written on one line.
        pending.Position = 0;
        var rest = new ConcatenatedStream(pending, input);
        var part = new MemoryStream();
        byte[]? held = null;
        await foreach (var record in ImportRecordReader.ReadAsync(rest, gzip: false, cancellationToken).ConfigureAwait(false))
        {
            if (held is not null)
            {
                yield return (held, false);
                held = null;
            }

            await using (var writer = new Utf8JsonWriter(part))
            {
                // An item that is not an object goes as null: the server refuses that line, as it would the item.
                if (record.Value is { } value)
                {
                    value.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            part.WriteByte((byte)'\n');
            if (part.Length >= partBytes)
            {
                held = part.ToArray();
                part.SetLength(0);
            }
        }

        if (held is not null && part.Length == 0)
        {
            yield return (held, true);
            yield break;
        }

        if (held is not null)
        {
            yield return (held, false);
        }

        yield return (part.ToArray(), true);
    }

    /// <summary>The end of the last whole record in the bytes (a line end, outside quotes for CSV), or -1.</summary>
    private static int LastBoundary(ReadOnlySpan<byte> bytes, bool csv)
    {
        if (!csv)
        {
            return bytes.LastIndexOf((byte)'\n');
        }

        var inQuotes = false;
        var last = -1;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (bytes[i] == (byte)'\n' && !inQuotes)
            {
                last = i;
            }
        }

        return last;
    }

    /// <summary>The end of the first whole record in the bytes, or -1.</summary>
    private static int FirstBoundary(ReadOnlySpan<byte> bytes, bool csv)
    {
        var inQuotes = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"' && csv)
            {
                inQuotes = !inQuotes;
            }
            else if (bytes[i] == (byte)'\n' && !inQuotes)
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[] TakeHeader(MemoryStream pending)
    {
        var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        var end = FirstBoundary(bytes, csv: true);
        var header = bytes[..(end + 1)].ToArray();
        Drop(pending, header.Length);
        return header;
    }

    private static async Task<bool> FillAsync(Stream input, MemoryStream pending, long size, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        while (pending.Length < size)
        {
            var read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return true;
            }

            pending.Seek(0, SeekOrigin.End);
            pending.Write(chunk, 0, read);
        }

        return false;
    }

    private static void Drop(MemoryStream pending, int count)
    {
        var rest = pending.GetBuffer().AsSpan(count, (int)pending.Length - count).ToArray();
        pending.SetLength(0);
        pending.Write(rest);
    }

    private static byte FirstByte(MemoryStream pending)
    {
        var text = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        text = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        text = text.TrimStart(" \t\r\n"u8);
        return text.IsEmpty ? (byte)0 : text[0];
    }

    private static string ContentType(ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart(" \t\r\n"u8);
        return text.IsEmpty ? "application/octet-stream" : text[0] switch
        {
            (byte)'[' => "application/json",
            (byte)'{' => "application/x-ndjson",
            _ => "text/csv",
        };
    }

    private static byte[] Gunzip(byte[] gzip)
    {
        // Only the head, for the content type: a part is never larger than --part-mb here.
        using var stream = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        var head = new byte[256];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    private static byte[] Gzip(byte[] body)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    /// <summary>The bytes already read, then the rest of the input.</summary>
    private sealed class ConcatenatedStream(MemoryStream first, Stream second) : Stream
    {
        private bool firstDone;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!firstDone)
            {
                var read = first.Read(buffer.Span);
                if (read > 0)
                {
                    return read;
                }

                firstDone = true;
            }

            return await second.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
