using System.Runtime.CompilerServices;
using System.Text;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// CSV with a header row (RFC 4180: comma-separated, fields in double quotes may hold commas, quotes written twice and
/// line breaks). Each row becomes a JSON object named by the header (<see cref="CsvColumns"/>). Written here rather
/// than taken from a CSV library: a record's first line must be known for its refusal, the reading must be
/// asynchronous, and the fastest library (Sep) hands out rows as ref structs that an async iterator cannot hold.
/// </summary>
internal static class CsvRecords
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        ImportByteBuffer buffer, long firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var line = firstLine;
        CsvColumns? columns = null;
        var fields = new List<string>();
        while (true)
        {
            var step = Next(buffer, ref line, fields, out var recordLine, out var error);
            if (step == Step.NeedMore)
            {
                await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (step == Step.End)
            {
                yield break;
            }

            if (step == Step.Blank)
            {
                continue;
            }

            if (columns is null)
            {
                columns = error is null
                    ? CsvColumns.FromHeader(fields)
                    : throw new ImportFileException($"the CSV header cannot be read: {error}");
                continue;
            }

            yield return error is null ? columns.ToRecord(recordLine, fields) : new ImportRecord(recordLine, null, error);
        }
    }

    private enum Step
    {
        NeedMore,
        Record,
        Blank,
        End,
    }

    private static Step Next(ImportByteBuffer buffer, ref long line, List<string> fields, out long recordLine, out string? error)
    {
        recordLine = line;
        error = null;
        var available = buffer.Available;
        var length = RecordLength(available, out var complete);
        if (!complete && !buffer.Ended)
        {
            if (available.Length > ImportByteBuffer.MaxRecordBytes)
            {
                throw new ImportFileException($"the CSV row at line {line} is longer than {ImportByteBuffer.MaxRecordBytes / 1024 / 1024} MiB (is a quote never closed?)");
            }

            return Step.NeedMore;
        }

        if (available.IsEmpty)
        {
            return Step.End;
        }

        var record = available[..length];
        line += ImportByteBuffer.CountLines(record) + (complete ? 1 : 0);
        buffer.Consume(complete ? length + 1 : length);
        var text = record.TrimEnd("\r"u8);
        if (text.Trim(" \t"u8).IsEmpty)
        {
            return Step.Blank;
        }

        error = complete || !InQuotesAtEnd(record) ? Split(text, fields, recordLine) : $"line {recordLine} opens a quoted field that is never closed";
        return Step.Record;
    }

    /// <summary>The length of the first record (its line end not counted), and whether that line end was found.</summary>
    private static int RecordLength(ReadOnlySpan<byte> bytes, out bool complete)
    {
        var inQuotes = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (bytes[i] == (byte)'\n' && !inQuotes)
            {
                complete = true;
                return i;
            }
        }

        complete = false;
        return bytes.Length;
    }

    private static bool InQuotesAtEnd(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'"') % 2 == 1;

    private static string? Split(ReadOnlySpan<byte> record, List<string> fields, long line)
    {
        fields.Clear();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < record.Length && record[i] == (byte)'"')
            {
                i++;
                while (true)
                {
                    var quote = record[i..].IndexOf((byte)'"');
                    field.Append(Encoding.UTF8.GetString(record.Slice(i, quote)));
                    i += quote + 1;
                    if (i < record.Length && record[i] == (byte)'"')
                    {
                        field.Append('"');
                        i++;
                        continue;
                    }

                    break;
                }

                if (i < record.Length && record[i] != (byte)',')
                {
                    return $"line {line} has text after a closing quote in field {fields.Count + 1}";
                }
            }
            else
            {
                var comma = record[i..].IndexOf((byte)',');
                var end = comma < 0 ? record.Length : i + comma;
                field.Append(Encoding.UTF8.GetString(record[i..end]));
                i = end;
            }

            fields.Add(field.ToString());
            if (i >= record.Length)
            {
                return null;
            }

            i++; // the comma
        }
    }
}
