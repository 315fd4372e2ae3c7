using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Privacy;

/// <summary>
/// The rows of the <c>Identity</c> table that remember a deletion (docs/storage.md): the record of a deleted user
/// (partition <c>d_{user}</c>, row <c>deletion</c>) and a mark in each deleted session's partition (row <c>deleted</c>,
/// beside where the session row was). No route reads them; aggregation reads the marks to drop late messages.
/// </summary>
public sealed class DeletionMarks(TableClient identity)
{
    public const string RecordRow = "deletion";
    public const string SessionMarkRow = "deleted";
    private const string RecordPrefix = "d_";

    /// <summary>Every deletion record's partition: they sort together, so the unfinished ones are one range scan.</summary>
    private static readonly KeyRange RecordPartitions = KeyRange.StartingWith(RecordPrefix);

    public static string RecordPartition(string userKey) => RecordPrefix + KeyEncoding.KeyPart(userKey);

    /// <summary>
    /// Whether a message must not be recorded: its session was deleted (every kind of call), or it is a setUserId
    /// naming a user deleted after the call was received (a call received later starts a new user).
    /// </summary>
    public async Task<bool> ForgetsAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        var mark = await identity.GetEntityIfExistsAsync<TableEntity>(IdentityKeys.SessionPartition(message.SessionId), SessionMarkRow, ["RowKey"], cancellationToken);
        if (mark.HasValue)
        {
            return true;
        }

        return message.Kind == V1Call.SetUserId && message.UserId is { } userId
            && await ReadRecordAsync(userId, cancellationToken) is { } record && message.ReceivedAt <= record.RequestedAt;
    }

    public async Task<DeletionRecord?> ReadRecordAsync(string userKey, CancellationToken cancellationToken)
    {
        var row = await identity.GetEntityIfExistsAsync<TableEntity>(RecordPartition(userKey), RecordRow, cancellationToken: cancellationToken);
        return row.HasValue && EntityText.Read(row.Value!, "Json") is { } json
            ? JsonSerializer.Deserialize<DeletionRecord>(json, QueryJson.Options)
            : null;
    }

    /// <summary>Every deletion record that has not completed, for the retention timer to finish.</summary>
    public async IAsyncEnumerable<DeletionRecord> ReadUnfinishedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in identity.QueryAsync<TableEntity>(
            $"{RecordPartitions.PartitionFilter()} and {TableClient.CreateQueryFilter($"RowKey eq {RecordRow}")}",
            cancellationToken: cancellationToken))
        {
            if (EntityText.Read(row, "Json") is { } json && JsonSerializer.Deserialize<DeletionRecord>(json, QueryJson.Options) is { CompletedAt: null } record)
            {
                yield return record;
            }
        }
    }

    public async Task WriteRecordAsync(DeletionRecord record, CancellationToken cancellationToken)
    {
        var row = new TableEntity(RecordPartition(record.UserKey), RecordRow) { ["UserKey"] = record.UserKey };
        EntityText.Write(row, "Json", JsonSerializer.Serialize(record, QueryJson.Options));
        await identity.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task MarkSessionAsync(string sessionId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        await identity.UpsertEntityAsync(
            new TableEntity(IdentityKeys.SessionPartition(sessionId), SessionMarkRow) { ["DeletedAt"] = deletedAt },
            TableUpdateMode.Replace,
            cancellationToken);
}
