using System.Buffers.Binary;
using System.IO.Compression;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// The gunzipped body of a gzip upload, which notices a truncated file. .NET's GZipStream simply ends early when the
/// compressed data stops in the middle, so the end is checked here: a whole gzip ends with the uncompressed size
/// (mod 2^32) in its last four bytes. A file of several gzip members (<c>cat a.gz b.gz</c>) carries only the last
/// member's size there, so it reads as truncated: gunzip it and gzip it again as one.
/// </summary>
internal sealed class GzipBody : Stream
{
    private const int SmallestGzip = 20;

    private readonly TailKeepingStream compressed;
    private readonly GZipStream gzip;
    private long uncompressed;
    private bool checkedEnd;

    public GzipBody(Stream body)
    {
        compressed = new TailKeepingStream(body);
        gzip = new GZipStream(compressed, CompressionMode.Decompress);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => uncompressed; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException($"the body is not valid gzip ({e.Message}); send it uncompressed, or without Content-Encoding: gzip if it is not gzipped", e);
        }

        return Counted(read, buffer.Length);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        try
        {
            read = gzip.Read(buffer, offset, count);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException($"the body is not valid gzip ({e.Message})", e);
        }

        return Counted(read, count);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read, int asked)
    {
        uncompressed += read;
        if (read == 0 && asked > 0 && !checkedEnd)
        {
            checkedEnd = true;
            if (compressed.Total < SmallestGzip || compressed.LastFour() != (uint)uncompressed)
            {
                throw new ImportFileException(
                    $"the gzip file is truncated: it stops after {compressed.Total:N0} compressed bytes, before its end " +
                    "(was the upload or the export cut short?)");
            }
        }

        return read;
    }

    /// <summary>Passes the compressed bytes through, counting them and keeping the last four.</summary>
    private sealed class TailKeepingStream(Stream inner) : Stream
    {
        private readonly byte[] tail = new byte[4];

        public long Total { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Total; set => throw new NotSupportedException(); }

        public uint LastFour() => BinaryPrimitives.ReadUInt32LittleEndian(tail);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Keep(buffer.Span[..read]);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Keep(buffer.AsSpan(offset, read));
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> read)
        {
            Total += read.Length;
            if (read.Length >= 4)
            {
                read[^4..].CopyTo(tail);
                return;
            }

            // Fewer than four new bytes: shift the old ones left and append.
            tail.AsSpan(read.Length).CopyTo(tail);
            read.CopyTo(tail.AsSpan(4 - read.Length));
        }
    }
}
