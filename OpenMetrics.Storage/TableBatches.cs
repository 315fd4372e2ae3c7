using Azure.Data.Tables;

namespace OpenMetrics.Storage;

/// <summary>
/// Writes entities in as few round trips as Table storage allows: one entity group transaction per partition and
/// per 100 entities. Each transaction is atomic, which the idempotent writes of aggregation rely on.
/// </summary>
public static class TableBatches
{
    public const int MaxPerTransaction = 100;

    public static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var transactions = entities
            .GroupBy(entity => entity.PartitionKey)
            .SelectMany(partition => partition
                .DistinctBy(entity => entity.RowKey)
                .Chunk(MaxPerTransaction))
            .Select(chunk => table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(action, entity)), cancellationToken));
        await Task.WhenAll(transactions);
    }
}
