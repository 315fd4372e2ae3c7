using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Privacy;

/// <summary>
/// <c>DELETE /api/users/{id}</c> (docs/reliability.md, "Deleting a user and data retention"): removes a user's profile,
/// sessions (merged anonymous ones included), raw events, timeline and user-set rows. The steps, in order: list
/// what belongs to the user in a <see cref="DeletionRecord"/>; mark each session deleted, so that aggregation drops its
/// messages still in the queue or arriving later; delete raw events, user sets, session rows, user partitions, the merge ledger's rows and the
/// stored funnel and retention answers that name the user; mark the record complete. Every step deletes what it finds, so running it again (a retry of the DELETE, or the retention
/// timer for a record never completed) finishes the work and changes nothing else.
/// </summary>
public sealed class UserDeletion(IdentityStore identity, UserFootprint footprint, DeletionMarks marks, ISnapshotStore snapshots, AggregationTables tables, TimeProvider clock)
{
    private readonly TableClient _events = tables.Get(StorageNames.EventsTable);
    private readonly TableClient _sessionEvents = tables.Get(StorageNames.SessionEventsTable);
    private readonly TableClient _members = tables.Get(StorageNames.MembersTable);

    /// <returns>The completed record; null when the id was never a user and was never deleted.</returns>
    public async Task<DeletionRecord?> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await identity.ReadProfileAsync(userId, cancellationToken) is null ? userId : await identity.ResolveAsync(userId, cancellationToken);
        var record = await marks.ReadRecordAsync(userKey, cancellationToken);
        var found = await footprint.FindAsync(userKey, cancellationToken);
        if (record is null && found is null)
        {
            return null;
        }

        record = (record ?? new DeletionRecord(userKey, [], [], [], clock.GetUtcNow(), null)).With(found?.Users ?? [], found?.Sessions ?? [], found?.Months ?? []);
        return await FinishAsync(record with { CompletedAt = null }, cancellationToken);
    }

    /// <summary>Does every step of a recorded deletion (again): what an earlier run already removed is simply not found.</summary>
    public async Task<DeletionRecord> FinishAsync(DeletionRecord record, CancellationToken cancellationToken)
    {
        await marks.WriteRecordAsync(record, cancellationToken);
        foreach (var session in record.Sessions)
        {
            await marks.MarkSessionAsync(session, record.RequestedAt, cancellationToken);
            await DeleteRawEventsAsync(session, cancellationToken);
        }

        foreach (var user in record.Users)
        {
            foreach (var month in record.Months)
            {
                var partition = $"{month}_{StableHash.Shard(user, MemberKeys.Shards).ToString(CultureInfo.InvariantCulture)}";
                await DeleteWhereAsync(_members, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and UserKey eq {user}"), cancellationToken);
            }
        }

        foreach (var session in record.Sessions)
        {
            await identity.Table.DeleteEntityAsync(IdentityKeys.SessionPartition(session), IdentityKeys.SessionRow, cancellationToken: cancellationToken);
        }

        foreach (var user in record.Users)
        {
            await DeleteWhereAsync(identity.Table, TableClient.CreateQueryFilter($"PartitionKey eq {IdentityKeys.UserPartition(user)}"), cancellationToken);
        }

        await identity.ForgetMergesAsync(record.Users, cancellationToken);
        await snapshots.DeleteMentioningAsync(record.Users, cancellationToken);
        var completed = record with { CompletedAt = clock.GetUtcNow() };
        await marks.WriteRecordAsync(completed, cancellationToken);
        return completed;
    }

    /// <summary>A session's pages in <c>Events</c> (found from their twins in <c>SessionEvents</c>), then its whole <c>SessionEvents</c> partition.</summary>
    public async Task DeleteRawEventsAsync(string sessionId, CancellationToken cancellationToken)
    {
        var partition = EventPageKeys.SessionPartition(sessionId);
        var rows = new List<TableEntity>();
        await foreach (var row in _sessionEvents.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey", "MessageId", "FirstTs"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var page in rows)
        {
            if (page.GetString("MessageId") is { } messageId && page.GetDateTimeOffset("FirstTs") is { } first)
            {
                await _events.DeleteEntityAsync(EventPageKeys.TimePartition(first, sessionId), EventPageKeys.TimeRow(first, messageId), cancellationToken: cancellationToken);
            }
        }

        await TableBatches.SubmitAsync(_sessionEvents, rows, TableTransactionActionType.Delete, cancellationToken);
    }

    private static async Task DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        await TableBatches.SubmitAsync(table, rows, TableTransactionActionType.Delete, cancellationToken);
    }
}
