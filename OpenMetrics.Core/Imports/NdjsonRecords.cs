using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

/// <summary>NDJSON: one JSON object a line, blank lines skipped. A bad line is refused and the next one read.</summary>
internal static class NdjsonRecords
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        ImportByteBuffer buffer, long firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var line = firstLine;
        var skippingLongLine = false;
        while (true)
        {
            var step = Next(buffer, ref line, ref skippingLongLine, out var record);
            if (step == Step.NeedMore)
            {
                await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (step == Step.End)
            {
                yield break;
            }

            if (record is not null)
            {
                yield return record;
            }
        }
    }

    private enum Step
    {
        NeedMore,
        Line,
        End,
    }

    private static Step Next(ImportByteBuffer buffer, ref long line, ref bool skippingLongLine, out ImportRecord? record)
    {
        record = null;
        var available = buffer.Available;
        var newline = available.IndexOf((byte)'\n');
        if (newline < 0 && !buffer.Ended)
        {
            if (available.Length <= ImportByteBuffer.MaxRecordBytes)
            {
                return Step.NeedMore;
            }

            // Too long to hold: refuse it once and drop what is held until its end shows.
            if (!skippingLongLine)
            {
                record = TooLong(line);
                skippingLongLine = true;
            }

            buffer.Consume(available.Length);
            return Step.Line;
        }

        if (newline < 0 && available.IsEmpty)
        {
            return Step.End;
        }

        var text = newline < 0 ? available : available[..newline];
        buffer.Consume(newline < 0 ? available.Length : newline + 1);
        var thisLine = line++;
        if (skippingLongLine)
        {
            skippingLongLine = false;
            return Step.Line;
        }

        if (text.Length > ImportByteBuffer.MaxRecordBytes)
        {
            record = TooLong(thisLine);
            return Step.Line;
        }

        record = Parse(text.Trim(" \t\r"u8), thisLine);
        return Step.Line;
    }

    private static ImportRecord TooLong(long line) =>
        new(line, null, $"line {line} is longer than {ImportByteBuffer.MaxRecordBytes / 1024 / 1024} MiB");

    private static ImportRecord? Parse(ReadOnlySpan<byte> text, long line)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(text);
            var value = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                return new ImportRecord(line, null, $"line {line} has more than one JSON value");
            }

            return value.ValueKind == JsonValueKind.Object
                ? new ImportRecord(line, value, null)
                : new ImportRecord(line, null, $"line {line} is {PayloadJson.Describe(value.ValueKind)}, not a JSON object");
        }
        catch (JsonException e)
        {
            return new ImportRecord(line, null, $"line {line} is not valid JSON: {e.Message}");
        }
    }
}
