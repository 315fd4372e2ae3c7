using Azure.Data.Tables;
using OpenMetrics.Core.Storage;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Queues;

/// <summary>
/// The table <c>IngestFailures</c>: one row per ingest message given up on. Partition: the UTC day of the failure
/// (yyyyMMdd), so a day's failures are one partition read; row: the queue message id, so recording the same failure
/// twice (the host retrying the function) writes one row.
/// </summary>
public sealed class IngestFailureLog(TableClient table) : IAsyncDisposable
{
    private readonly StorageReadiness _ready = new(cancellationToken => table.CreateIfNotExistsAsync(cancellationToken));

    public static IngestFailureLog Create(StorageAccount account) => new(account.Tables().GetTableClient(StorageNames.IngestFailuresTable));

    public TableClient Table => table;

    public async Task RecordAsync(IngestFailure failure, CancellationToken cancellationToken)
    {
        await _ready.EnsureAsync(cancellationToken);
        var entity = new TableEntity(UtcBuckets.Day(failure.FailedAt), failure.QueueMessageId)
        {
            ["MessageId"] = failure.MessageId,
            ["Exception"] = failure.Exception,
            ["Error"] = failure.Error,
            ["FailedAt"] = failure.FailedAt,
            ["DequeueCount"] = failure.DequeueCount,
            ["BodySha256"] = failure.BodySha256,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every failure recorded on the given UTC days.</summary>
    public async Task<List<IngestFailure>> ReadDaysAsync(IEnumerable<DateTimeOffset> days, CancellationToken cancellationToken)
    {
        await _ready.EnsureAsync(cancellationToken);
        var failures = new List<IngestFailure>();
        foreach (var day in days.Select(UtcBuckets.Day).Distinct())
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {day}"), cancellationToken: cancellationToken))
            {
                failures.Add(new IngestFailure(
                    entity.GetString("MessageId"),
                    entity.RowKey,
                    entity.GetString("Exception") ?? "",
                    entity.GetString("Error") ?? "",
                    entity.GetDateTimeOffset("FailedAt") ?? default,
                    entity.GetInt64("DequeueCount") ?? 0,
                    entity.GetString("BodySha256") ?? ""));
            }
        }

        return failures;
    }

    public ValueTask DisposeAsync() => _ready.DisposeAsync();
}
