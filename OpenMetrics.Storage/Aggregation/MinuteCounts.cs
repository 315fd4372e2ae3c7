using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.Live;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Events per UTC minute from the pre-aggregates: the minute rows (<c>mHHmm|…</c>) of a day's partitions, summaries
/// and contributions not yet folded alike, tombstones skipped, so the figure is the same before and after compaction
/// and a message counts as soon as the poller has processed it. One range read per day and shard, counts only.
/// </summary>
public sealed class MinuteCounts(TableClient aggregates) : IMinuteCounts
{
    /// <param name="eventName">Only this event's rows when given; every event's otherwise.</param>
    public async Task<long[]> ReadAsync(DateTimeOffset firstMinute, int minutes, string? eventName, CancellationToken cancellationToken)
    {
        var counts = new long[minutes];
        var days = Enumerable.Range(0, minutes).Select(i => firstMinute.AddMinutes(i)).GroupBy(UtcBuckets.Day);
        var reads = days.SelectMany(day => Enumerable.Range(0, AggregateKeys.Shards).Select(shard =>
            AddAsync(counts, firstMinute, AggregateKeys.Partition(day.Key, shard), day.First(), day.Last(), eventName, cancellationToken)));
        await Task.WhenAll(reads);
        return counts;
    }

    private async Task AddAsync(long[] counts, DateTimeOffset firstMinute, string partition, DateTimeOffset from, DateTimeOffset to, string? eventName, CancellationToken cancellationToken)
    {
        // Every row of the minutes from..to: their buckets start mHHmm.
        var rows = KeyRange.Spanning(UtcBuckets.MinuteLevel(from), UtcBuckets.MinuteLevel(to));
        var (lower, upper) = (rows.From, rows.Before);
        var filter = eventName is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper} and State ne {AggregateStore.Folded}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper} and State ne {AggregateStore.Folded} and EventName eq {eventName}");
        var day = from.UtcDateTime.Date;
        await foreach (var row in aggregates.QueryAsync<TableEntity>(filter, select: ["RowKey", "Count"], cancellationToken: cancellationToken))
        {
            var hourMinute = int.Parse(row.RowKey.AsSpan(1, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            var minute = new DateTimeOffset(day.AddHours(hourMinute / 100).AddMinutes(hourMinute % 100), TimeSpan.Zero);
            var index = (int)(minute - firstMinute).TotalMinutes;
            Interlocked.Add(ref counts[index], row.GetInt64("Count") ?? 0);
        }
    }
}
