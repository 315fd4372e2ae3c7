using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Writes a message's contribution to the per-bucket counts. A contribution row is keyed by the message id and only
/// ever inserted: a message processed again finds its rows there (409) and adds nothing, even after the compactor
/// has folded them into the summary (folded rows stay as tombstones). Once they are gone, <see cref="CountedMessages"/>
/// keeps a message from being counted again.
/// </summary>
public sealed class AggregateStore(TableClient table, TimeProvider clock)
{
    /// <summary>Row state: a message's live contribution, a folded one (tombstone), or a bucket's summary.</summary>
    public const string Live = "live";
    public const string Folded = "folded";
    public const string Summary = "summary";

    /// <summary>The partition of late markers: day partitions older than yesterday that received contributions.</summary>
    public const string LatePartition = "late";

    public TableClient Table => table;

    public async Task AddContributionAsync(IngestMessage message, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<(string Partition, string Bucket, string Event), BucketFigures>();
        foreach (var ingestEvent in events)
        {
            var partition = AggregateKeys.Partition(ingestEvent.Ts, message.Id);
            foreach (var bucket in AggregateKeys.Buckets(ingestEvent.Ts))
            {
                var key = (partition, bucket, ingestEvent.Name);
                if (!figures.TryGetValue(key, out var bucketFigures))
                {
                    figures[key] = bucketFigures = new BucketFigures();
                }

                bucketFigures.AddEvent(ingestEvent.Props);
            }
        }

        var suffix = AggregateKeys.ContributionPrefix + message.Id;
        var rows = figures.Select(pair =>
        {
            var entity = new TableEntity(pair.Key.Partition, AggregateKeys.Row(pair.Key.Bucket, pair.Key.Event, suffix))
            {
                ["EventName"] = pair.Key.Event,
                ["State"] = Live,
            };
            BucketFigureColumns.Write(pair.Value, entity);
            return entity;
        });

        // Chunks are cut the same way on every try (ordered rows), so a chunk that exists was written whole before.
        var transactions = rows
            .GroupBy(row => row.PartitionKey)
            .SelectMany(partition => partition.OrderBy(row => row.RowKey, StringComparer.Ordinal).Chunk(TableBatches.MaxPerTransaction))
            .Select(chunk => InsertOnceAsync(chunk, cancellationToken));
        await Task.WhenAll(transactions);
        await MarkLateDaysAsync(figures.Keys.Select(key => key.Partition).Distinct(), cancellationToken);
    }

    /// <summary>The compactor visits today and yesterday by itself; an older day with new contributions is marked for it.</summary>
    private async Task MarkLateDaysAsync(IEnumerable<string> partitions, CancellationToken cancellationToken)
    {
        var yesterday = UtcBuckets.Day(clock.GetUtcNow().AddDays(-1));
        var late = partitions.Where(partition => string.CompareOrdinal(partition[..8], yesterday) < 0)
            .Select(partition => new TableEntity(LatePartition, partition));
        await TableBatches.SubmitAsync(table, late, TableTransactionActionType.UpsertReplace, cancellationToken);
    }

    private async Task InsertOnceAsync(TableEntity[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            // Already counted by an earlier try of this message.
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already counted by an earlier try of this message.
        }
    }
}
