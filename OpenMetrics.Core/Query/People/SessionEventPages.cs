using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// Reads the <c>SessionEvents</c> table for people: a session's pages newest first (row keys invert the page's last
/// event time), a table page at a time, and how many events a session holds. Page rows sort before the ledger of
/// client event ids, which every read here leaves out.
/// </summary>
public sealed class SessionEventPages(TableClient sessionEvents)
{
    /// <summary>
    /// One table page of the session's pages, newest last event first: up to <paramref name="rows"/> rows from where
    /// <paramref name="continuation"/> left off (null: from the start). With <paramref name="notAfter"/>, only pages
    /// holding an event at or before it (their first event is): the server skips the newer ones.
    /// </summary>
    public async Task<Page<TableEntity>?> ReadAsync(string sessionId, DateTimeOffset? notAfter, string? continuation, int rows, CancellationToken cancellationToken)
    {
        var partition = EventPageKeys.SessionPartition(sessionId);
        var filter = notAfter is { } time
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {EventPageKeys.PageRowsEnd} and FirstTs le {time}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {EventPageKeys.PageRowsEnd}");
        await foreach (var page in sessionEvents.QueryAsync<TableEntity>(filter, rows, cancellationToken: cancellationToken).AsPages(continuation, rows))
        {
            return page;
        }

        return null;
    }

    /// <summary>The number of events a session holds: the pages' counts, without reading their events.</summary>
    public async Task<long> CountAsync(string sessionId, CancellationToken cancellationToken)
    {
        var partition = EventPageKeys.SessionPartition(sessionId);
        long count = 0;
        await foreach (var page in sessionEvents.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(EventPageKeys.PageRowsEnd) < 0,
            select: ["Count"],
            cancellationToken: cancellationToken))
        {
            count += page.GetInt32("Count") ?? 0;
        }

        return count;
    }
}
