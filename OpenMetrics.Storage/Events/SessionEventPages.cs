using Azure.Data.Tables;
using OpenMetrics.Core.Query.People;

namespace OpenMetrics.Storage.Events;

/// <summary>
/// Reads the <c>SessionEvents</c> table for people: a session's pages newest first (row keys invert the page's last
/// event time), a table page at a time, and how many events a session holds. Page rows sort before the ledger of
/// client event ids, which every read here leaves out.
/// </summary>
public sealed class SessionEventPages(TableClient sessionEvents) : ISessionEventReader
{
    /// <summary>
    /// One table page of the session's pages (one row per stored page), newest last event first. With
    /// <paramref name="notAfter"/>, only pages whose first event is at or before it: the server skips the newer ones.
    /// </summary>
    public async Task<SessionPage?> ReadAsync(string sessionId, DateTimeOffset? notAfter, string? continuation, int rows, CancellationToken cancellationToken)
    {
        var partition = EventPageKeys.SessionPartition(sessionId);
        var filter = notAfter is { } time
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {EventPageKeys.PageRowsEnd} and FirstTs le {time}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {EventPageKeys.PageRowsEnd}");
        await foreach (var page in sessionEvents.QueryAsync<TableEntity>(filter, rows, cancellationToken: cancellationToken).AsPages(continuation, rows))
        {
            var events = page.Values.SelectMany(EventPage.Read).ToList();
            var oldestLast = page.Values.Count > 0 ? page.Values[^1].GetDateTimeOffset("LastTs") : null;
            return new SessionPage(events, page.ContinuationToken, oldestLast);
        }

        return null;
    }

    /// <summary>The pages' counts, without reading their events.</summary>
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
