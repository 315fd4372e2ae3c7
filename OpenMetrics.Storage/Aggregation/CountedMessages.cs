using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// The ledger of messages whose contribution to the counts is complete: one small row per message, kept for good, in
/// partitions <c>counted_{shard}</c> of the <c>Aggregates</c> table. A message that comes back (a redelivery, a
/// replayed poison message) after any delay finds its row and adds nothing to the counts. A claim-checked message of
/// any kind gets its row once processed, before its blob is deleted, so that a redelivery without the blob is known
/// as processed. Tombstones only cover the
/// crash window before the row is written, so the compactor deletes a tombstone only once its message is here.
/// </summary>
public sealed class CountedMessages(TableClient table)
{
    public const string PartitionPrefix = "counted_";
    private const int Shards = 16;

    public async Task<bool> ContainsAsync(string messageId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(messageId), RowKey(messageId), select: ["RowKey"], cancellationToken: cancellationToken);
        return row.HasValue;
    }

    public async Task AddAsync(string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition(messageId), RowKey(messageId)), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Written by an earlier try of this message.
        }
    }

    private static string Partition(string messageId) => $"{PartitionPrefix}{StableHash.Shard(messageId, Shards):x}";

    private static string RowKey(string messageId) => KeyEncoding.KeyPart(messageId);
}
