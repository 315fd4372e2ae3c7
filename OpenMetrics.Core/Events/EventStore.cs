using Azure.Data.Tables;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Events;

/// <summary>
/// Raw events, written twice so that both reads are cheap: <c>Events</c> by time (funnels, retention, live, trends no
/// pre-aggregate answers) and <c>SessionEvents</c> by session (a user's timeline is the union of their sessions).
/// Both writes are upserts of deterministic rows: processing a message again changes nothing.
/// </summary>
public sealed class EventStore(TableClient events, TableClient sessionEvents)
{
    public TableClient Events => events;

    public TableClient SessionEvents => sessionEvents;

    public async Task WriteAsync(IngestMessage message, IReadOnlyList<IngestEvent> batch, string userKey, CancellationToken cancellationToken)
    {
        var byTime = new List<TableEntity>(batch.Count);
        var bySession = new List<TableEntity>(batch.Count);
        foreach (var ingestEvent in batch)
        {
            var key = StoredEvent.Key(message.SessionId, ingestEvent.Id);
            byTime.Add(StoredEvent.Entity(StoredEvent.TimePartition(ingestEvent.Ts, message.SessionId), StoredEvent.TimeRow(ingestEvent.Ts, key), message, ingestEvent, userKey));
            bySession.Add(StoredEvent.Entity(StoredEvent.SessionPartition(message.SessionId), StoredEvent.SessionRow(ingestEvent.Ts, key), message, ingestEvent, userKey));
        }

        await Task.WhenAll(
            TableBatches.SubmitAsync(events, byTime, TableTransactionActionType.UpsertReplace, cancellationToken),
            TableBatches.SubmitAsync(sessionEvents, bySession, TableTransactionActionType.UpsertReplace, cancellationToken));
    }

    /// <summary>Every event of a session, oldest last (the order of the table), for merges and timelines.</summary>
    public IAsyncEnumerable<TableEntity> ReadSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        sessionEvents.QueryAsync<TableEntity>(e => e.PartitionKey == StoredEvent.SessionPartition(sessionId), cancellationToken: cancellationToken);
}
