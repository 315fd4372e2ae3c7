namespace OpenMetrics.Core.Time;

/// <summary>The granularity of a pre-aggregated bucket: UTC day, hour or minute (counts), or week and month (user sets).</summary>
public enum CellLevel
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

/// <summary>One stored UTC bucket a query adds up: its level and its start.</summary>
public readonly record struct UtcCell(CellLevel Level, DateTimeOffset Start)
{
    public DateTimeOffset End => Level switch
    {
        CellLevel.Minute => Start.AddMinutes(1),
        CellLevel.Hour => Start.AddHours(1),
        CellLevel.Day => Start.AddDays(1),
        CellLevel.Week => Start.AddDays(7),
        _ => Start.AddMonths(1),
    };

    /// <summary>
    /// Cuts <c>[from, to)</c> into the fewest stored buckets, largest first: whole months and weeks (only when
    /// <paramref name="withWeeksAndMonths"/>: user sets have them, counts do not), days, hours, minutes. Null when the
    /// range does not fall on minute boundaries, or on hour boundaries when <paramref name="finest"/> is an hour.
    /// </summary>
    public static List<UtcCell>? Cover(DateTimeOffset from, DateTimeOffset to, CellLevel finest, bool withWeeksAndMonths)
    {
        var cells = new List<UtcCell>();
        var at = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        while (at < end)
        {
            var cell = Largest(at, end, finest, withWeeksAndMonths);
            if (cell is null)
            {
                return null;
            }

            cells.Add(cell.Value);
            at = cell.Value.End;
        }

        return cells;
    }

    private static UtcCell? Largest(DateTimeOffset at, DateTimeOffset end, CellLevel finest, bool withWeeksAndMonths)
    {
        var time = at.UtcDateTime;
        if (withWeeksAndMonths && time.Day == 1 && time.TimeOfDay == TimeSpan.Zero && at.AddMonths(1) <= end)
        {
            return new UtcCell(CellLevel.Month, at);
        }

        if (withWeeksAndMonths && time.DayOfWeek == DayOfWeek.Monday && time.TimeOfDay == TimeSpan.Zero && at.AddDays(7) <= end)
        {
            return new UtcCell(CellLevel.Week, at);
        }

        if (time.TimeOfDay == TimeSpan.Zero && at.AddDays(1) <= end)
        {
            return new UtcCell(CellLevel.Day, at);
        }

        if (time.Minute == 0 && time.Second == 0 && time.Millisecond == 0 && at.AddHours(1) <= end)
        {
            return new UtcCell(CellLevel.Hour, at);
        }

        if (finest == CellLevel.Minute && time.Second == 0 && time.Millisecond == 0 && at.AddMinutes(1) <= end && at.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return new UtcCell(CellLevel.Minute, at);
        }

        return null;
    }
}
