using System.Runtime.CompilerServices;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// Streams the records of an import file without reading it whole. Which layout it is follows from the first byte
/// that is not whitespace: <c>[</c> a JSON array, <c>{</c> NDJSON, anything else CSV with a header row.
/// </summary>
public static class ImportRecordReader
{
    /// <summary>
    /// The records in file order. A record that cannot be read comes as one with its <see cref="ImportRecord.Error"/>;
    /// a defect of the whole file (truncated gzip, an array never closed, an empty body) throws
    /// <see cref="ImportFileException"/>.
    /// </summary>
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream body, bool gzip, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var input = gzip ? new GzipBody(body) : null;
        var buffer = new ImportByteBuffer(input ?? body);
        await buffer.SkipByteOrderMarkAsync(cancellationToken).ConfigureAwait(false);
        var line = 1L;
        while (true)
        {
            var available = buffer.Available;
            var whitespace = available.Length - available.TrimStart(" \t\r\n"u8).Length;
            line += ImportByteBuffer.CountLines(available[..whitespace]);
            buffer.Consume(whitespace);
            if (!buffer.Available.IsEmpty)
            {
                break;
            }

            if (!await buffer.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new ImportFileException("the file is empty");
            }
        }

        var records = buffer.Available[0] switch
        {
            (byte)'[' => JsonArrayRecords.ReadAsync(buffer, line, cancellationToken),
            (byte)'{' => NdjsonRecords.ReadAsync(buffer, line, cancellationToken),
            _ => CsvRecords.ReadAsync(buffer, line, cancellationToken),
        };

        await foreach (var record in records.ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Why the first bytes of a file (already gunzipped) are plainly not the named format, or null when they may be:
    /// for a 400 at once instead of an import that refuses every row.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head, ImportFormat format) => ImportSniffer.Sniff(head, format);
}
