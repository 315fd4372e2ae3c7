using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage;

/// <summary>
/// Records events refused inside batches that were otherwise accepted, in the table <c>IngestRejections</c>, so that an
/// operator sees them (Storage Explorer, the portal, later the dashboard) even though the plain client was told <c>ok</c>.
/// Partition: the UTC day (yyyyMMdd); row: newest first, then the call id and the event's index.
/// </summary>
public sealed class RejectionLog(TableClient table) : IAsyncDisposable
{
    private const int MaxBatch = 100;
    private const int MaxTextLength = 1024;

    private readonly StorageReadiness _ready = new(cancellationToken => table.CreateIfNotExistsAsync(cancellationToken));

    public static RejectionLog Create(StorageAccount account) => new(account.Tables().GetTableClient(StorageNames.IngestRejectionsTable));

    public TableClient Table => table;

    public async Task RecordAsync(ValidatedCall call, CancellationToken cancellationToken)
    {
        if (call.Rejected.Count == 0)
        {
            return;
        }

        await _ready.EnsureAsync(cancellationToken);
        var partition = UtcBuckets.Day(call.ReceivedAt);
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - call.ReceivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        foreach (var chunk in call.Rejected.Chunk(MaxBatch))
        {
            var actions = chunk.Select(rejection => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(
                partition, $"{newestFirst}_{call.CallId}_{rejection.Index:D4}")
            {
                ["CallId"] = call.CallId,
                ["SessionId"] = Truncate(call.SessionId),
                ["ReceivedAt"] = call.ReceivedAt,
                ["Index"] = rejection.Index,
                ["Field"] = Truncate(rejection.Field),
                ["Error"] = Truncate(rejection.Error),
                ["EventName"] = rejection.EventName is null ? null : Truncate(rejection.EventName),
            }));
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    private static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];

    public ValueTask DisposeAsync() => _ready.DisposeAsync();
}
