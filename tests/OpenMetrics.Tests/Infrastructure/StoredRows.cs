using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Events;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Reads the tables row by row the way a test checks what aggregation wrote (no route reads them like this): the
/// figures of one event in one bucket, a bucket's member count, an hour's raw events, a user's session rows.
/// </summary>
public sealed class StoredRows(AggregationTables tables)
{
    /// <summary>The summary plus the unfolded contributions of one event in one UTC bucket, over every shard.</summary>
    /// <param name="day">The UTC day, <c>yyyyMMdd</c>.</param>
    /// <param name="bucket"><c>d</c>, <c>hHH</c> or <c>mHHmm</c>.</param>
    public async Task<BucketFigures> FiguresAsync(string day, string bucket, string eventName, CancellationToken cancellationToken)
    {
        var rows = KeyRange.StartingWith(AggregateKeys.Row(bucket, eventName, ""));
        var total = new BucketFigures();
        for (var shard = 0; shard < AggregateKeys.Shards; shard++)
        {
            var partition = AggregateKeys.Partition(day, shard);
            await foreach (var row in Table(StorageNames.AggregatesTable).QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(rows.From) >= 0 && e.RowKey.CompareTo(rows.Before) < 0 && e.GetString("State") != AggregateStore.Folded,
                cancellationToken: cancellationToken))
            {
                total.Add(BucketFigureColumns.Read(row));
            }
        }

        return total;
    }

    /// <summary>The number of distinct users in a bucket for an event part (or <see cref="MemberKeys.ActiveEvent"/>), over every shard.</summary>
    public async Task<int> MemberCountAsync(string month, string bucket, string eventPart, CancellationToken cancellationToken)
    {
        var rows = MemberKeys.Users(bucket, eventPart);
        var count = 0;
        for (var shard = 0; shard < MemberKeys.Shards; shard++)
        {
            var partition = MemberKeys.Partition(month, shard);
            await foreach (var _ in Table(StorageNames.MembersTable).QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(rows.From) >= 0 && e.RowKey.CompareTo(rows.Before) < 0, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Every event whose time falls in one UTC hour, over all shards, in time order (ties in the order sent).</summary>
    public async Task<List<StoredEvent>> HourAsync(DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var stored = new List<StoredEvent>();
        for (var shard = 0; shard < EventPageKeys.TimeShards; shard++)
        {
            var partition = $"{EventPageKeys.HourKey(hour)}_{shard:x}";
            await foreach (var page in Table(StorageNames.EventsTable).QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                stored.AddRange(EventPage.Read(page));
            }
        }

        return [.. stored.OrderBy(e => e.Ts).ThenBy(e => e.ReceivedAt).ThenBy(e => e.Seq)];
    }

    /// <summary>The session ids a user's partition names (including those of every user merged into it).</summary>
    public async Task<List<string>> UserSessionsAsync(string userKey, CancellationToken cancellationToken)
    {
        var partition = IdentityKeys.UserPartition(userKey);
        var rows = IdentityKeys.UserSessionRows;
        var sessions = new List<string>();
        await foreach (var row in Table(StorageNames.IdentityTable).QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(rows.From) >= 0 && e.RowKey.CompareTo(rows.Before) < 0, cancellationToken: cancellationToken))
        {
            sessions.Add(row.GetString("SessionId"));
        }

        return sessions;
    }

    private TableClient Table(string name) => tables.Get(name);
}
