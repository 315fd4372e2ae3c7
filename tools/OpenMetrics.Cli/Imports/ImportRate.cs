namespace OpenMetrics.Cli.Imports;

/// <summary>Rows a second since the first poll, and the time left at that pace (null until there is a pace).</summary>
internal sealed record ImportRate(double RowsPerSecond, TimeSpan? Remaining)
{
    /// <summary>
    /// The pace between the first and the latest poll. The time left is estimated from bytes, not rows (the rows of a
    /// file are not known before it is read): <c>bytesRead</c> counts the body as sent, like <paramref name="bytesSent"/>.
    /// </summary>
    public static ImportRate Between((DateTimeOffset At, ImportStatus Status) first, (DateTimeOffset At, ImportStatus Status) latest, long bytesSent)
    {
        var seconds = (latest.At - first.At).TotalSeconds;
        if (seconds <= 0)
        {
            return new ImportRate(0, null);
        }

        var rowsPerSecond = (latest.Status.RowsRead - first.Status.RowsRead) / seconds;
        var bytesPerSecond = (latest.Status.BytesRead - first.Status.BytesRead) / seconds;
        TimeSpan? remaining = bytesPerSecond > 0
            ? TimeSpan.FromSeconds(Math.Max(0, bytesSent - latest.Status.BytesRead) / bytesPerSecond)
            : null;
        return new ImportRate(rowsPerSecond, remaining);
    }
}
