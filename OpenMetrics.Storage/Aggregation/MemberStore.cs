using Azure.Data.Tables;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Exact user sets per bucket (see <see cref="MemberKeys"/>): upserts, so writing a member twice changes nothing.
/// When a user merges into another, its rows are renamed to the other user, so unique counts follow docs/semantics.md:
/// every event of the session, before and after setUserId, belongs to the one user.
/// </summary>
public sealed class MemberStore(TableClient table)
{
    public TableClient Table => table;

    public async Task AddAsync(string userKey, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        foreach (var ingestEvent in events)
        {
            var partition = MemberKeys.Partition(ingestEvent.Ts, userKey);
            var eventPart = MemberKeys.EventPart(ingestEvent.Name);
            foreach (var bucket in MemberKeys.Buckets(ingestEvent.Ts))
            {
                rows.Add(Member(partition, bucket, eventPart, userKey));
                if (ingestEvent.Active)
                {
                    rows.Add(Member(partition, bucket, MemberKeys.ActiveEvent, userKey));
                }
            }
        }

        await TableBatches.SubmitAsync(table, rows, TableTransactionActionType.UpsertReplace, cancellationToken);
    }

    /// <summary>Renames <paramref name="from"/>'s rows in the given months to <paramref name="into"/>.</summary>
    public async Task RenameAsync(string from, string into, IEnumerable<DateTimeOffset> monthsOf, CancellationToken cancellationToken)
    {
        var partitions = monthsOf.Select(ts => MemberKeys.Partition(ts, from)).Distinct();
        foreach (var partition in partitions)
        {
            var existing = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.GetString("UserKey") == from, cancellationToken: cancellationToken))
            {
                existing.Add(row);
            }

            var intoPartition = $"{partition[..6]}_{StableHash.Shard(into, MemberKeys.Shards)}";
            var renamed = existing.Select(row =>
            {
                var (bucket, eventPart) = SplitRow(row.RowKey);
                return Member(intoPartition, bucket, eventPart, into);
            });
            await TableBatches.SubmitAsync(table, renamed, TableTransactionActionType.UpsertReplace, cancellationToken);
            await DeleteRenamedAsync(existing, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the renamed rows as read (their ETags: a row written again meanwhile fails the try, which renames it on
    /// the retry). A row already gone was deleted by a rename racing this one, of the same user (two import chunks of
    /// one user, two calls of one session): nothing is left to do for it, so it does not fail the message.
    /// </summary>
    private async Task DeleteRenamedAsync(List<TableEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await TableBatches.SubmitAsync(table, rows, TableTransactionActionType.Delete, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 404)
        {
            foreach (var row in rows)
            {
                try
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                }
                catch (Azure.RequestFailedException gone) when (gone.Status == 404)
                {
                    // Renamed by the racing writer.
                }
            }
        }
    }

    private static TableEntity Member(string partition, string bucket, string eventPart, string userKey) =>
        new(partition, MemberKeys.Row(bucket, eventPart, userKey)) { ["UserKey"] = userKey };

    private static (string Bucket, string EventPart) SplitRow(string rowKey)
    {
        var parts = rowKey.Split('|');
        return (parts[0], parts[1]);
    }
}
