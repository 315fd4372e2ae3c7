using System.IO.Compression;

namespace OpenMetrics.Apps.Imports;

/// <summary>
/// The request body of an upload, read once: it counts the bytes as sent and stops at the size setting (a 413), and
/// it hands back the first bytes read (to see whether the body is the named format) in front of the rest, so the
/// records are read from the start without keeping more than that head.
/// </summary>
internal sealed class UploadBody(Stream body, long maxBytes) : Stream
{
    /// <summary>Enough to hold the first records of any format, gzip or not; a sniff looks at up to this much.</summary>
    public const int HeadBytes = 64 * 1024;

    private byte[] _head = [];
    private int _headPosition;

    /// <summary>Bytes read from the request so far, as sent.</summary>
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads the first bytes and keeps them to be read again: the raw head (still gzip when the body is).</summary>
    public async Task<byte[]> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new byte[HeadBytes];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await ReadBodyAsync(head.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        _head = head[..filled];
        return _head;
    }

    /// <summary>The head as text would start: gunzipped when <paramref name="gzip"/> (as much as the raw head holds), else as is.</summary>
    public static byte[] Unzipped(byte[] head, bool gzip)
    {
        if (!gzip)
        {
            return head;
        }

        using var unzip = new GZipStream(new MemoryStream(head), CompressionMode.Decompress);
        var text = new byte[HeadBytes];
        var filled = 0;
        try
        {
            int read;
            while (filled < text.Length && (read = unzip.Read(text, filled, text.Length - filled)) > 0)
            {
                filled += read;
            }
        }
        catch (InvalidDataException) when (filled > 0)
        {
            // The raw head ends inside the stream: what came before it is the start of the file.
        }

        return text[..filled];
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headPosition < _head.Length)
        {
            var count = Math.Min(buffer.Length, _head.Length - _headPosition);
            _head.AsMemory(_headPosition, count).CopyTo(buffer);
            _headPosition += count;
            return count;
        }

        return await ReadBodyAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async ValueTask<int> ReadBodyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await body.ReadAsync(buffer, cancellationToken);
        Count += read;
        if (Count > maxBytes)
        {
            throw new UploadTooLargeException(maxBytes);
        }

        return read;
    }
}

/// <summary>The body went past <c>OpenMetrics:Imports:MaxRequestBytes</c>: a 413.</summary>
internal sealed class UploadTooLargeException(long maxBytes)
    : Exception($"The request is larger than {maxBytes} bytes (OpenMetrics:Imports:MaxRequestBytes); send the file in parts (POST /api/imports/{{id}}/parts).")
{
}
