using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Folds live contributions into one summary row per bucket and event, so that queries read one row instead of one
/// per message. Each fold is one entity group transaction in the day's partition: the summary's new figures and the
/// folded contributions turned into tombstones, all or nothing, so a crash never counts a contribution twice or drops
/// it. Runs on a timer, one instance at a time; a run folds today, yesterday and the days marked late. A fold that
/// throws (a storage fault, a row it cannot read) is logged and left live for the next run: it must not stop the
/// other folds, partitions, days or the tombstone cleanup.
/// </summary>
public sealed class AggregateCompactor(TableClient table, RollupStore rollups, CountedMessages counted, TimeProvider clock, ILogger<AggregateCompactor>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AggregateCompactor>.Instance;

    /// <summary>
    /// How long folded contributions stay as tombstones. A message may come back later than this (messages never
    /// expire): <see cref="CountedMessages"/> stops it then, so only tombstones of counted messages are deleted.
    /// </summary>
    public const int TombstoneDays = 7;

    private const int LedgerReadsAtOnce = 8;

    private const int ContributionsPerFold = TableBatches.MaxPerTransaction - 1;

    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var day in new[] { UtcBuckets.Day(now), UtcBuckets.Day(now.AddDays(-1)) })
        {
            await CompactDayAsync(day, cancellationToken);
        }

        await foreach (var marker in table.QueryAsync<TableEntity>(e => e.PartitionKey == AggregateStore.LatePartition, cancellationToken: cancellationToken))
        {
            // A day with a failed fold stays marked, or it would never be visited again.
            if (await CompactPartitionAsync(marker.RowKey, cancellationToken))
            {
                await DeleteIfUnchangedAsync(marker, cancellationToken);
            }
        }

        await DeleteTombstonesAsync(UtcBuckets.Day(now.AddDays(-TombstoneDays - 1)), cancellationToken);
    }

    private async Task CompactDayAsync(string day, CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < AggregateKeys.Shards; shard++)
        {
            await CompactPartitionAsync(AggregateKeys.Partition(day, shard), cancellationToken);
        }
    }

    /// <returns>Whether every fold of the partition succeeded.</returns>
    private async Task<bool> CompactPartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var live = new List<TableEntity>();
        if (!await TryAsync("the live contributions", partition, async () =>
            {
                await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.GetString("State") == AggregateStore.Live, cancellationToken: cancellationToken))
                {
                    live.Add(row);
                }
            }, cancellationToken))
        {
            return false;
        }

        var folded = true;
        var groups = live.GroupBy(row => AggregateKeys.Parse(row.RowKey) is var (bucket, eventKey, _) ? $"{bucket}|{eventKey}|" : row.RowKey);
        foreach (var group in groups)
        {
            foreach (var contributions in group.Chunk(ContributionsPerFold))
            {
                var summaryRow = group.Key + AggregateKeys.SummarySuffix;
                folded &= await TryAsync(summaryRow, partition, () => FoldAsync(partition, summaryRow, contributions, cancellationToken), cancellationToken);
            }
        }

        return folded;
    }

    private async Task<bool> TryAsync(string work, string partition, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            CompactionLog.Failed(_logger, exception, work, partition);
            return false;
        }
    }

    private async Task FoldAsync(string partition, string summaryRow, TableEntity[] contributions, CancellationToken cancellationToken)
    {
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, summaryRow, cancellationToken: cancellationToken);
        var figures = existing.HasValue ? BucketFigureColumns.Read(existing.Value!) : new BucketFigures();
        foreach (var contribution in contributions)
        {
            figures.Add(BucketFigureColumns.Read(contribution));
        }

        var (bucket, _, _) = AggregateKeys.Parse(summaryRow);
        var eventName = contributions[0].GetString("EventName");
        await rollups.WriteAsync(partition, bucket, eventName, figures, cancellationToken);

        var summary = new TableEntity(partition, summaryRow)
        {
            ["EventName"] = eventName,
            ["State"] = AggregateStore.Summary,
        };
        BucketFigureColumns.Write(figures, summary);
        var actions = new List<TableTransactionAction>
        {
            existing.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, summary, existing.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, summary),
        };
        actions.AddRange(contributions.Select(c => new TableTransactionAction(
            TableTransactionActionType.UpdateReplace,
            new TableEntity(partition, c.RowKey) { ["State"] = AggregateStore.Folded, ["EventName"] = c.GetString("EventName") },
            c.ETag)));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            // Another run folded some of these first; what is left is folded on the next run.
        }
    }

    private async Task DeleteIfUnchangedAsync(TableEntity marker, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(marker, marker.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Marked again while this run folded the day: the next run visits it.
        }
    }

    private async Task DeleteTombstonesAsync(string day, CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < AggregateKeys.Shards; shard++)
        {
            var partition = AggregateKeys.Partition(day, shard);
            await TryAsync("the tombstone cleanup", partition, async () =>
            {
                var tombstones = new List<TableEntity>();
                await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.GetString("State") == AggregateStore.Folded, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                {
                    tombstones.Add(row);
                }

                var deletable = new System.Collections.Concurrent.ConcurrentBag<TableEntity>();
                var byMessage = tombstones.GroupBy(row => AggregateKeys.Parse(row.RowKey).Suffix[AggregateKeys.ContributionPrefix.Length..]);
                await Parallel.ForEachAsync(byMessage, new ParallelOptions { MaxDegreeOfParallelism = LedgerReadsAtOnce, CancellationToken = cancellationToken }, async (message, token) =>
                {
                    // A message that crashed before its ledger row keeps its tombstones: its retry must still find them.
                    if (await counted.ContainsAsync(message.Key, token))
                    {
                        foreach (var row in message)
                        {
                            deletable.Add(row);
                        }
                    }
                });

                await TableBatches.SubmitAsync(table, deletable, TableTransactionActionType.Delete, cancellationToken);
            }, cancellationToken);
        }
    }
}
