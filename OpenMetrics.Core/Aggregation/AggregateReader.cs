using Azure.Data.Tables;

namespace OpenMetrics.Core.Aggregation;

/// <summary>
/// Reads the pre-aggregated figures of one event in one UTC bucket: the summary plus the contributions not yet
/// folded, over every shard. The answer is the same before and after compaction.
/// </summary>
public sealed class AggregateReader(TableClient table)
{
    /// <param name="day">The UTC day, <c>yyyyMMdd</c>.</param>
    /// <param name="bucket"><c>d</c>, <c>hHH</c> or <c>mHHmm</c>.</param>
    public async Task<BucketFigures> ReadAsync(string day, string bucket, string eventName, CancellationToken cancellationToken)
    {
        var prefix = AggregateKeys.Row(bucket, eventName, "");
        var upper = prefix[..^1] + "}";
        var total = new BucketFigures();
        for (var shard = 0; shard < AggregateKeys.Shards; shard++)
        {
            var partition = AggregateKeys.Partition(day, shard);
            await foreach (var row in table.QueryAsync<TableEntity>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(upper) < 0 && e.GetString("State") != AggregateStore.Folded,
                cancellationToken: cancellationToken))
            {
                total.Add(BucketFigures.ReadFrom(row));
            }
        }

        return total;
    }
}
