using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Storage;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Reads the pre-aggregated figures of UTC day, hour and minute cells. Days the compactor still visits (today,
/// yesterday, days marked late) are read from <c>Aggregates</c> (summaries plus live contributions); older days from
/// their rollup copies: one read for the days and one for the hours of the whole range. Minutes always come from <c>Aggregates</c>.
/// </summary>
public sealed class PreaggregateCounts(TableClient aggregates, TableClient dailyRollups, TableClient hourlyRollups, TimeProvider clock) : IPreaggregateReader
{
    private const int Parallelism = 16;

    public async Task<PreaggregateFigures> ReadAsync(IReadOnlyCollection<UtcCell> cells, IReadOnlyCollection<string>? events, bool withValues, CancellationToken cancellationToken)
    {
        var hot = await HotDaysAsync(cancellationToken);
        var figures = new PreaggregateFigures();
        var reads = new List<Func<Task>>();
        var wanted = cells.ToHashSet();

        // Days read from Aggregates, with the row ranges each needs; consecutive days that need the same ranges (today
        // and yesterday, mostly) are one read, as their partitions sort together.
        var fromAggregates = new List<(DateTime Day, List<KeyRange> Ranges)>();
        foreach (var day in cells.GroupBy(cell => cell.Start.UtcDateTime.Date).OrderBy(day => day.Key))
        {
            var minutes = day.Where(c => c.Level == CellLevel.Minute).ToList();
            var needed = hot.Contains(UtcBuckets.Day(day.Key)) ? day.ToList() : minutes;
            if (needed.Count > 0)
            {
                fromAggregates.Add((day.Key, [.. AggregateRanges(needed)]));
            }
        }

        for (var start = 0; start < fromAggregates.Count;)
        {
            var end = start + 1;
            while (end < fromAggregates.Count && fromAggregates[end].Day == fromAggregates[end - 1].Day.AddDays(1)
                && fromAggregates[end].Ranges.SequenceEqual(fromAggregates[start].Ranges))
            {
                end++;
            }

            var firstDay = UtcBuckets.Day(fromAggregates[start].Day);
            var lastDay = UtcBuckets.Day(fromAggregates[end - 1].Day);
            foreach (var range in fromAggregates[start].Ranges)
            {
                reads.Add(() => ReadAggregatesAsync(firstDay, lastDay, range, wanted, events, withValues, figures, cancellationToken));
            }

            start = end;
        }

        // Cold days and hours: one read per level over all the months of the range, the events' row ranges OR-ed. A read
        // may return rows of hot days too (they sit in the same months); only cold cells count from it.
        var cold = cells.Where(c => c.Level is CellLevel.Day or CellLevel.Hour && !hot.Contains(UtcBuckets.Day(c.Start))).ToHashSet();
        foreach (var level in cold.GroupBy(c => c.Level))
        {
            var rollupLevel = level.Key == CellLevel.Day ? RollupKeys.DayLevel : RollupKeys.HourLevel;
            var filter = RollupFilter(rollupLevel, level.Min(c => c.Start), level.Max(c => c.Start), events);
            reads.Add(() => ReadRollupsAsync(level.Key, filter, cold, withValues, figures, cancellationToken));
        }

        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (read, _) => await read());
        return figures;
    }

    /// <summary>Days whose <c>Aggregates</c> rows may still change: today, yesterday (UTC) and those marked late.</summary>
    private async Task<HashSet<string>> HotDaysAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hot = new HashSet<string>(StringComparer.Ordinal) { UtcBuckets.Day(now), UtcBuckets.Day(now.AddDays(-1)) };
        await foreach (var marker in aggregates.QueryAsync<TableEntity>(e => e.PartitionKey == AggregateStore.LatePartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            hot.Add(marker.RowKey[..8]);
        }

        return hot;
    }

    /// <summary>Row-key ranges of one day partition that hold the cells: <c>d|…</c>, <c>hHH…</c>, <c>mHHmm…</c>.</summary>
    private static IEnumerable<KeyRange> AggregateRanges(List<UtcCell> cells)
    {
        if (cells.Any(c => c.Level == CellLevel.Day))
        {
            yield return KeyRange.StartingWith(UtcBuckets.DayLevel + "|");
        }

        var hours = cells.Where(c => c.Level == CellLevel.Hour).Select(c => UtcBuckets.HourLevel(c.Start)).ToList();
        if (hours.Count > 0)
        {
            yield return KeyRange.Spanning(hours.Min(StringComparer.Ordinal)!, hours.Max(StringComparer.Ordinal)!);
        }

        var minutes = cells.Where(c => c.Level == CellLevel.Minute).Select(c => UtcBuckets.MinuteLevel(c.Start)).ToList();
        if (minutes.Count > 0)
        {
            yield return KeyRange.Spanning(minutes.Min(StringComparer.Ordinal)!, minutes.Max(StringComparer.Ordinal)!);
        }
    }

    /// <summary>One read for all shards of consecutive days: their partitions (<c>yyyyMMdd_0</c> to <c>_3</c>) sort together.</summary>
    private async Task ReadAggregatesAsync(
        string firstDay, string lastDay, KeyRange rows, HashSet<UtcCell> wanted, IReadOnlyCollection<string>? events,
        bool withValues, PreaggregateFigures figures, CancellationToken cancellationToken)
    {
        var shards = KeyRange.Spanning(AggregateKeys.DayShards(firstDay), AggregateKeys.DayShards(lastDay));
        await foreach (var row in aggregates.QueryAsync<TableEntity>(
            $"{shards.PartitionFilter()} and {rows.RowFilter()}",
            select: Columns(withValues, "State", "PartitionKey"),
            cancellationToken: cancellationToken))
        {
            if (row.GetString("State") == AggregateStore.Folded || row.GetString("EventName") is not { } eventName || (events is not null && !events.Contains(eventName)))
            {
                continue;
            }

            var (bucket, _, _) = AggregateKeys.Parse(row.RowKey);
            var day = DateTime.ParseExact(row.PartitionKey[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var cell = bucket switch
            {
                "d" => new UtcCell(CellLevel.Day, new DateTimeOffset(day, TimeSpan.Zero)),
                ['h', ..] => new UtcCell(CellLevel.Hour, new DateTimeOffset(day.AddHours(int.Parse(bucket[1..3], CultureInfo.InvariantCulture)), TimeSpan.Zero)),
                _ => new UtcCell(CellLevel.Minute, new DateTimeOffset(day.AddHours(int.Parse(bucket[1..3], CultureInfo.InvariantCulture)).AddMinutes(int.Parse(bucket[3..5], CultureInfo.InvariantCulture)), TimeSpan.Zero)),
            };
            if (wanted.Contains(cell))
            {
                figures.Add(cell, eventName, BucketFigureColumns.Read(row));
            }
        }
    }

    /// <summary>Rows of the months from <paramref name="first"/> to <paramref name="last"/>, of the given events (null: all).</summary>
    private static string RollupFilter(string level, DateTimeOffset first, DateTimeOffset last, IReadOnlyCollection<string>? events)
    {
        var months = TableClient.CreateQueryFilter($"PartitionKey ge {RollupKeys.Partition(level, first.UtcDateTime)} and PartitionKey le {RollupKeys.Partition(level, last.UtcDateTime)}");
        if (events is null)
        {
            return months;
        }

        var ofEvents = events.Select(eventName =>
        {
            var rows = KeyRange.StartingWith(KeyEncoding.KeyPart(eventName) + "|");
            return $"({rows.RowFilter()})";
        });
        return $"{months} and ({string.Join(" or ", ofEvents)})";
    }

    private async Task ReadRollupsAsync(CellLevel level, string filter, HashSet<UtcCell> wanted, bool withValues, PreaggregateFigures figures, CancellationToken cancellationToken)
    {
        var rollups = level == CellLevel.Day ? dailyRollups : hourlyRollups;
        await foreach (var row in rollups.QueryAsync<TableEntity>(filter, select: Columns(withValues, "PartitionKey"), cancellationToken: cancellationToken))
        {
            var month = DateTime.ParseExact(row.PartitionKey[1..], "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var bucket = row.RowKey.Split('|')[^2];
            var start = month.AddDays(int.Parse(bucket[..2], CultureInfo.InvariantCulture) - 1);
            if (level == CellLevel.Hour)
            {
                start = start.AddHours(int.Parse(bucket[2..4], CultureInfo.InvariantCulture));
            }

            var cell = new UtcCell(level, new DateTimeOffset(start, TimeSpan.Zero));
            if (wanted.Contains(cell) && row.GetString("EventName") is { } eventName)
            {
                figures.Add(cell, eventName, BucketFigureColumns.Read(row));
            }
        }
    }

    /// <summary>Counts and numeric stats always; counts per value only when asked (they are most of a row's bytes).</summary>
    private static IEnumerable<string>? Columns(bool withValues, params string[] extra)
    {
        if (withValues)
        {
            return null;
        }

        return ["RowKey", "EventName", "Count", "Numeric", .. Enumerable.Range(1, 14).Select(i => $"Numeric_{i}"), .. extra];
    }
}
