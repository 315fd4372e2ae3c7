namespace OpenMetrics.Core.Imports;

/// <summary>
/// A window over a stream that holds the bytes not yet consumed: it grows only to the record being read, so a file of
/// any size is read with the memory of its longest record (the readers refuse one over <see cref="MaxRecordBytes"/>).
/// </summary>
internal sealed class ImportByteBuffer(Stream stream)
{
    /// <summary>A record longer than this is refused (or, inside a JSON array, fails the file): live events are far smaller.</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    /// <summary>True once the stream has ended: <see cref="Available"/> is all that is left.</summary>
    public bool Ended { get; private set; }

    public ReadOnlySpan<byte> Available => buffer.AsSpan(start, end - start);

    public void Consume(int count) => start += count;

    /// <summary>Reads more of the stream; false when it has ended.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Ended)
        {
            return false;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            Ended = true;
            return false;
        }

        end += read;
        return true;
    }

    /// <summary>Skips a UTF-8 byte order mark at the start, which spreadsheet programs write before a CSV.</summary>
    public async ValueTask SkipByteOrderMarkAsync(CancellationToken cancellationToken)
    {
        while (Available.Length < 3 && await FillAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        if (Available.StartsWith("\uFEFF"u8))
        {
            Consume(3);
        }
    }

    /// <summary>Counts the line ends in a span: how the readers keep the line number a refusal names.</summary>
    public static int CountLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');
}
