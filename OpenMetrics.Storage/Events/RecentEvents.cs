using System.Collections.Concurrent;
using Azure.Data.Tables;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query.Live;

namespace OpenMetrics.Storage.Events;

/// <summary>
/// Raw events of the last hour or two, from the <c>Events</c> table. A page holds one message's events of one UTC hour
/// and carries its last event time, so asking for the pages whose last event is in a time window lets the server skip
/// the rest of the hour; the 16 shards of each hour are read in parallel.
/// </summary>
public sealed class RecentEvents(TableClient events) : IRecentEvents
{
    public async Task<List<StoredEvent>> ReadAsync(IEnumerable<DateTimeOffset> hours, DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var found = new ConcurrentBag<StoredEvent>();
        var partitions = hours.SelectMany(hour => Enumerable.Range(0, EventPageKeys.TimeShards).Select(shard => $"{EventPageKeys.HourKey(hour)}_{shard:x}"));
        await Task.WhenAll(partitions.Select(async partition =>
        {
            var filter = until is { } end
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and LastTs ge {from} and LastTs lt {end}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and LastTs ge {from}");
            await foreach (var page in events.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                foreach (var stored in EventPage.Read(page))
                {
                    found.Add(stored);
                }
            }
        }));
        return [.. found];
    }
}
