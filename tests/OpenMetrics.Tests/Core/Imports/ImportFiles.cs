using System.IO.Compression;
using System.Text;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>Hand-made import files for the reader and mapper tests.</summary>
internal static class ImportFiles
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static Task<List<ImportRecord>> ReadAsync(string text) => ReadAsync(Utf8(text), gzip: false);

    public static async Task<List<ImportRecord>> ReadAsync(byte[] bytes, bool gzip, int bytesPerRead = int.MaxValue)
    {
        var records = new List<ImportRecord>();
        await foreach (var record in ImportRecordReader.ReadAsync(new TrickleStream(bytes, bytesPerRead), gzip, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>A stream that hands out at most a few bytes a read, so that every record boundary falls between reads.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, bytesPerRead), cancellationToken);
    }
}
