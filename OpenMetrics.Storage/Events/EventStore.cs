using Azure.Data.Tables;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Storage.Events;

/// <summary>
/// Raw events, written twice so that both reads are cheap: <c>Events</c> by UTC hour (funnels, retention, live, trends
/// no pre-aggregate answers) and <c>SessionEvents</c> by session (a user's timeline is the union of their sessions).
/// Each copy is one page per message and hour (see <see cref="EventPageKeys"/>); both writes are upserts of
/// deterministic rows, so processing a message again changes nothing.
/// </summary>
public sealed class EventStore(TableClient events, TableClient sessionEvents)
{
    public async Task WriteAsync(IngestMessage message, IReadOnlyList<IngestEvent> batch, string userKey, CancellationToken cancellationToken)
    {
        var byTime = new List<TableEntity>();
        var bySession = new List<TableEntity>();
        foreach (var hour in batch.GroupBy(e => EventPageKeys.HourKey(e.Ts)))
        {
            var pageEvents = hour.ToList();
            var first = pageEvents.Min(e => e.Ts);
            var last = pageEvents.Max(e => e.Ts);
            var page = EventPage.Create(EventPageKeys.TimePartition(first, message.SessionId), EventPageKeys.TimeRow(first, message.Id), message, pageEvents, userKey);
            byTime.Add(page);

            // The same page under the session's keys: its JSON is serialized once for both tables.
            bySession.Add(new TableEntity(page)
            {
                PartitionKey = EventPageKeys.SessionPartition(message.SessionId),
                RowKey = EventPageKeys.SessionRow(last, hour.Key, message.Id),
            });
        }

        await Task.WhenAll(
            TableBatches.SubmitAsync(events, byTime, TableTransactionActionType.UpsertReplace, cancellationToken),
            TableBatches.SubmitAsync(sessionEvents, bySession, TableTransactionActionType.UpsertReplace, cancellationToken));
    }

    /// <summary>Every event of a session, newest first (same-time events in the reverse of the order they were sent).</summary>
    public async Task<List<StoredEvent>> ReadSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var partition = EventPageKeys.SessionPartition(sessionId);
        var stored = new List<StoredEvent>();
        await foreach (var page in sessionEvents.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(EventPageKeys.PageRowsEnd) < 0, cancellationToken: cancellationToken))
        {
            stored.AddRange(EventPage.Read(page));
        }

        return [.. stored.OrderByDescending(e => e.Ts).ThenByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Seq)];
    }
}
