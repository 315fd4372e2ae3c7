using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Query.Catalog;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Computes the catalog from the pre-aggregates. Counts, property keys and values: the day rows (<c>d|…</c>) of each
/// day of the window, summaries and unfolded contributions (tombstones skipped). Last seen: for each event, the hour
/// rows of its newest day, then the minute rows of its newest hour, so a precise time costs two small reads per
/// distinct newest day and hour (usually today and this hour), not a read of every minute.
/// </summary>
public sealed class CatalogReader(TableClient aggregates) : ICatalogSource
{
    private const int WindowDays = ICatalogSource.WindowDays;
    private const int ParallelReads = 16;

    public async Task<CatalogSnapshot> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var since = today.AddDays(1 - WindowDays);
        var days = Enumerable.Range(0, WindowDays).Select(i => UtcBuckets.Day(since.AddDays(i)));

        var facts = new ConcurrentDictionary<string, EventFacts>(StringComparer.Ordinal);
        await ForEachPartitionAsync(days, async (day, partition, token) =>
        {
            var rows = new List<(string Name, BucketFigures Figures)>();
            await foreach (var row in aggregates.QueryAsync<TableEntity>(Bucket(partition, KeyRange.StartingWith(UtcBuckets.DayLevel + "|")), cancellationToken: token))
            {
                rows.Add((row.GetString("EventName"), BucketFigureColumns.Read(row)));
            }

            foreach (var (name, figures) in rows)
            {
                var known = facts.GetOrAdd(name, static name => new EventFacts(name));
                lock (known)
                {
                    known.Add(day, figures);
                }
            }
        }, cancellationToken);

        await FindLastSeenAsync(facts.Values.Where(f => f.NewestDay is not null).ToList(), cancellationToken);
        var events = facts.Values.Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        return new CatalogSnapshot(since, today.AddDays(1), now, events);
    }

    /// <summary>Narrows each event's newest day to its newest hour, then to its newest minute.</summary>
    private async Task FindLastSeenAsync(List<EventFacts> events, CancellationToken cancellationToken)
    {
        var newestHours = new ConcurrentDictionary<EventFacts, string>();
        foreach (var byDay in events.GroupBy(e => e.NewestDay!))
        {
            var wanted = byDay.ToDictionary(e => e.Name, StringComparer.Ordinal);
            await ForEachPartitionAsync([byDay.Key], async (_, partition, token) =>
            {
                await foreach (var row in aggregates.QueryAsync<TableEntity>(Bucket(partition, KeyRange.StartingWith("h")), select: ["RowKey", "EventName", "Count"], cancellationToken: token))
                {
                    if (wanted.TryGetValue(row.GetString("EventName"), out var facts) && row.GetInt64("Count") > 0)
                    {
                        var hour = row.RowKey[1..3];
                        newestHours.AddOrUpdate(facts, hour, (_, known) => string.CompareOrdinal(hour, known) > 0 ? hour : known);
                    }
                }
            }, cancellationToken);
        }

        var newestMinutes = new ConcurrentDictionary<EventFacts, string>();
        foreach (var byHour in newestHours.GroupBy(pair => (Day: pair.Key.NewestDay!, Hour: pair.Value)))
        {
            var wanted = byHour.ToDictionary(pair => pair.Key.Name, pair => pair.Key, StringComparer.Ordinal);
            await ForEachPartitionAsync([byHour.Key.Day], async (_, partition, token) =>
            {
                await foreach (var row in aggregates.QueryAsync<TableEntity>(Bucket(partition, KeyRange.StartingWith("m" + byHour.Key.Hour)), select: ["RowKey", "EventName", "Count"], cancellationToken: token))
                {
                    if (wanted.TryGetValue(row.GetString("EventName"), out var facts) && row.GetInt64("Count") > 0)
                    {
                        var minute = row.RowKey[1..5];
                        newestMinutes.AddOrUpdate(facts, minute, (_, known) => string.CompareOrdinal(minute, known) > 0 ? minute : known);
                    }
                }
            }, cancellationToken);
        }

        foreach (var (facts, minute) in newestMinutes)
        {
            facts.LastSeen = DateTimeOffset.ParseExact(facts.NewestDay + minute, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
    }

    /// <summary>The rows of one partition whose key lies in the range, tombstones left out.</summary>
    private static string Bucket(string partition, KeyRange rows) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {rows.From} and RowKey lt {rows.Before} and State ne {AggregateStore.Folded}");

    private static Task ForEachPartitionAsync(IEnumerable<string> days, Func<string, string, CancellationToken, ValueTask> read, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            days.SelectMany(day => Enumerable.Range(0, AggregateKeys.Shards).Select(shard => (Day: day, Partition: AggregateKeys.Partition(day, shard)))),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            (item, token) => read(item.Day, item.Partition, token));
}
