using System.IO.Compression;
using System.Text;
using OpenMetrics.Core.Imports;
using OpenMetrics.Core.Ingest;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>Alone in its collection: the memory it samples is the process's, which parallel tests would swell.</summary>
[CollectionDefinition(nameof(MillionLineImportTests), DisableParallelization = true)]
public sealed class MillionLineImportCollection;

[Collection(nameof(MillionLineImportTests))]
public sealed class MillionLineImportTests(ITestOutputHelper output)
{
    private const int Lines = 1_000_000;
    private const long MemoryBound = 64L * 1024 * 1024;

    [Fact]
    public async Task A_million_line_file_is_read_and_mapped_in_bounded_memory()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1704448800);
        var limits = new IngestLimits();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, records = 0, accepted = 0;

        await using var gzip = new GzipOfGeneratedLines(Lines);
        await foreach (var record in ImportRecordReader.ReadAsync(gzip, gzip: true, CancellationToken.None))
        {
            records++;
            if (ImportRowMapper.Map(ImportFormat.Mixpanel, record, limits, now).Event is not null)
            {
                accepted++;
            }

            if (records % 100_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        output.WriteLine($"{records:N0} records from {gzip.Uncompressed:N0} bytes ({gzip.Compressed:N0} gzipped): peak {peak / 1024.0 / 1024.0:0.0} MiB above the {baseline / 1024.0 / 1024.0:0.0} MiB before");
        Assert.Equal(Lines, records);
        Assert.Equal(Lines, accepted);
        Assert.InRange(peak, long.MinValue, MemoryBound);
    }

    /// <summary>
    /// A gzipped NDJSON file of Mixpanel lines made while it is read, never held: each read compresses the next thousand
    /// lines into a small buffer. About 120 bytes a line, so some 120 MB before compression.
    /// </summary>
    private sealed class GzipOfGeneratedLines : Stream
    {
        private readonly int lines;
        private readonly MemoryStream pending = new();
        private readonly GZipStream compressor;
        private int line;
        private bool finished;

        public GzipOfGeneratedLines(int lines)
        {
            this.lines = lines;
            compressor = new GZipStream(pending, CompressionLevel.Fastest, leaveOpen: true);
        }

        public long Uncompressed { get; private set; }

        public long Compressed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Compressed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (pending.Position == pending.Length && !finished)
            {
                pending.SetLength(0);
                for (var i = 0; i < 1000 && line < lines; i++, line++)
                {
                    var text = Encoding.UTF8.GetBytes(
                        $"{{\"event\":\"Played\",\"properties\":{{\"time\":{1704000000 + (line % 400_000)},\"distinct_id\":\"u{line % 5000}\",\"$insert_id\":\"i{line}\",\"song\":{line % 97}}}}}\n");
                    Uncompressed += text.Length;
                    compressor.Write(text);
                }

                if (line == lines)
                {
                    compressor.Dispose();
                    finished = true;
                }
                else
                {
                    compressor.Flush();
                }

                pending.Position = 0;
            }

            var read = pending.Read(buffer, offset, count);
            Compressed += read;
            return read;
        }

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
                compressor.Dispose();
                pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
