using Azure.Data.Tables;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Privacy;

/// <summary>
/// Deletes raw events and sessions older than <see cref="RetentionSettings.RawEventDays"/> (docs/reliability.md,
/// "Deleting a user and data retention"). An event goes once its whole UTC hour is older than the cutoff: its page in
/// <c>Events</c> and that page's twin in <c>SessionEvents</c> (the twin's keys follow from the page). A session goes once
/// its last seen is older than the cutoff hour: its row, its user's link to it and what is left of its partition in
/// <c>SessionEvents</c> (the client-id ledger). Profiles, <c>Aggregates</c>, rollups and <c>Members</c> stay. Every
/// delete finds its rows first, so a run cut short is finished by the next.
/// </summary>
public sealed class RawEventExpiry(AggregationTables tables, TimeProvider clock)
{
    private const int RowsPerRead = 1000;

    private readonly TableClient _events = tables.Get(StorageNames.EventsTable);
    private readonly TableClient _sessionEvents = tables.Get(StorageNames.SessionEventsTable);
    private readonly TableClient _identity = tables.Get(StorageNames.IdentityTable);

    /// <summary>The first UTC hour whose events are kept.</summary>
    public DateTimeOffset CutoffHour(int days)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        return new DateTimeOffset(cutoff.Year, cutoff.Month, cutoff.Day, cutoff.Hour, 0, 0, TimeSpan.Zero);
    }

    public async Task DeleteOlderThanAsync(int days, CancellationToken cancellationToken)
    {
        var cutoffHour = CutoffHour(days);
        await DeleteEventPagesBeforeAsync(cutoffHour, cancellationToken);
        await DeleteSessionsBeforeAsync(cutoffHour - IdentityStore.LastSeenResolution, cancellationToken);
    }

    private async Task DeleteEventPagesBeforeAsync(DateTimeOffset cutoffHour, CancellationToken cancellationToken)
    {
        // Partitions are yyyyMMddHH_x: every hour before the cutoff's sorts before its bare hour key.
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {EventPageKeys.HourKey(cutoffHour)}");
        string? continuation = null;
        do
        {
            var from = continuation;
            continuation = null;
            await foreach (var page in _events.QueryAsync<TableEntity>(filter, RowsPerRead, ["PartitionKey", "RowKey", "SessionId", "MessageId", "LastTs"], cancellationToken).AsPages(from, RowsPerRead))
            {
                foreach (var row in page.Values)
                {
                    if (row.GetString("SessionId") is { } sessionId && row.GetString("MessageId") is { } messageId && row.GetDateTimeOffset("LastTs") is { } last)
                    {
                        var hour = row.PartitionKey.Split('_')[0];
                        await _sessionEvents.DeleteEntityAsync(EventPageKeys.SessionPartition(sessionId), EventPageKeys.SessionRow(last, hour, messageId), cancellationToken: cancellationToken);
                    }
                }

                await TableBatches.SubmitAsync(_events, page.Values, TableTransactionActionType.Delete, cancellationToken);
                continuation = page.ContinuationToken;
                break;
            }
        }
        while (continuation is not null);
    }

    private async Task DeleteSessionsBeforeAsync(DateTimeOffset lastSeenBefore, CancellationToken cancellationToken)
    {
        var filter = $"{IdentityKeys.SessionPartitions.PartitionFilter()} and {TableClient.CreateQueryFilter($"RowKey eq {IdentityKeys.SessionRow} and LastSeen lt {lastSeenBefore}")}";
        await foreach (var session in _identity.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "SessionId", "UserKey"], cancellationToken: cancellationToken))
        {
            if (session.GetString("SessionId") is not { } sessionId)
            {
                continue;
            }

            if (session.GetString("UserKey") is { } userKey)
            {
                await _identity.DeleteEntityAsync(IdentityKeys.UserPartition(userKey), IdentityKeys.UserSessionRow(sessionId), cancellationToken: cancellationToken);
            }

            var partition = EventPageKeys.SessionPartition(sessionId);
            var left = new List<TableEntity>();
            await foreach (var row in _sessionEvents.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                left.Add(row);
            }

            await TableBatches.SubmitAsync(_sessionEvents, left, TableTransactionActionType.Delete, cancellationToken);
            await _identity.DeleteEntityAsync(session.PartitionKey, session.RowKey, session.ETag, cancellationToken);
        }
    }
}
