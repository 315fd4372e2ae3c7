using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// A JSON array of objects, read one item at a time: the buffer holds one item, never the array. An item that is
/// not an object is refused; broken JSON or an array that is never closed fails the file, since nothing after it can
/// be found again.
/// </summary>
internal static class JsonArrayRecords
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        ImportByteBuffer buffer, long firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = new State { Line = firstLine };
        while (true)
        {
            var step = Next(buffer, state, out var record);
            if (step == Step.NeedMore)
            {
                if (!await buffer.FillAsync(cancellationToken).ConfigureAwait(false) && state.Position != Position.Done)
                {
                    throw new ImportFileException(
                        $"the JSON array is never closed: the file ends at line {state.Line} after {state.Items:N0} items (is it truncated?)");
                }

                continue;
            }

            if (step == Step.End)
            {
                yield break;
            }

            yield return record!;
        }
    }

    private enum Step
    {
        NeedMore,
        Item,
        End,
    }

    private enum Position
    {
        BeforeArray,
        FirstItemOrEnd,
        Item,
        CommaOrEnd,
        Done,
    }

    private sealed class State
    {
        public long Line;
        public long Items;
        public Position Position;
    }

    private static Step Next(ImportByteBuffer buffer, State state, out ImportRecord? record)
    {
        record = null;
        while (true)
        {
            SkipWhitespace(buffer, state);
            var available = buffer.Available;
            if (available.IsEmpty)
            {
                return state.Position == Position.Done && buffer.Ended ? Step.End : Step.NeedMore;
            }

            var first = available[0];
            switch (state.Position)
            {
                case Position.BeforeArray:
                    buffer.Consume(1);
                    state.Position = Position.FirstItemOrEnd;
                    continue;
                case Position.FirstItemOrEnd when first == (byte)']':
                case Position.CommaOrEnd when first == (byte)']':
                    buffer.Consume(1);
                    state.Position = Position.Done;
                    continue;
                case Position.CommaOrEnd when first == (byte)',':
                    buffer.Consume(1);
                    state.Position = Position.Item;
                    continue;
                case Position.CommaOrEnd:
                    throw new ImportFileException($"the JSON array is not valid at line {state.Line}: a comma or ] must follow an item");
                case Position.Done:
                    throw new ImportFileException($"there is more after the end of the JSON array, at line {state.Line}");
                default:
                    return TakeItem(buffer, state, out record);
            }
        }
    }

    private static Step TakeItem(ImportByteBuffer buffer, State state, out ImportRecord? record)
    {
        record = null;
        var available = buffer.Available;
        // Never the final block: an item cut off by the end of the file is "never closed", not "invalid JSON".
        var reader = new Utf8JsonReader(available, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()))
            {
                if (available.Length > ImportByteBuffer.MaxRecordBytes)
                {
                    throw new ImportFileException(
                        $"the item at line {state.Line} is longer than {ImportByteBuffer.MaxRecordBytes / 1024 / 1024} MiB");
                }

                return Step.NeedMore;
            }
        }
        catch (JsonException e)
        {
            throw new ImportFileException($"the JSON array is not valid JSON from line {state.Line}: {e.Message}", e);
        }

        var item = available[..(int)reader.BytesConsumed];
        var itemReader = new Utf8JsonReader(item);
        var value = JsonElement.ParseValue(ref itemReader);
        state.Items++;
        record = value.ValueKind == JsonValueKind.Object
            ? new ImportRecord(state.Line, value, null)
            : new ImportRecord(state.Line, null, $"item {state.Items} of the array (line {state.Line}) is {PayloadJson.Describe(value.ValueKind)}, not a JSON object");
        state.Line += ImportByteBuffer.CountLines(item);
        buffer.Consume(item.Length);
        state.Position = Position.CommaOrEnd;
        return Step.Item;
    }

    private static void SkipWhitespace(ImportByteBuffer buffer, State state)
    {
        var available = buffer.Available;
        var count = available.Length - available.TrimStart(" \t\r\n"u8).Length;
        state.Line += ImportByteBuffer.CountLines(available[..count]);
        buffer.Consume(count);
    }
}
