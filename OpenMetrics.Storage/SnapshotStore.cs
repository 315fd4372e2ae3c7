using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage;

/// <summary>
/// The <c>Snapshots</c> table: one partition per saved definition or ad-hoc query (<see cref="SnapshotKeys"/>), rows
/// keyed by inverted compute time so that the newest sorts first and is one small read. Only the newest is kept: a
/// save removes the older rows of its partition.
/// </summary>
public sealed class SnapshotStore(TableClient table) : ISnapshotStore
{
    public async Task<Snapshot?> NewestAsync(string key, CancellationToken cancellationToken)
    {
        var partition = KeyEncoding.KeyPart(key);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return Read(row);
        }

        return null;
    }

    public async Task SaveAsync(string key, Snapshot snapshot, CancellationToken cancellationToken)
    {
        var partition = KeyEncoding.KeyPart(key);
        var row = RowKey(snapshot.ComputedAt);
        var entity = new TableEntity(partition, row)
        {
            ["ComputedAt"] = snapshot.ComputedAt,
            ["DefinitionHash"] = snapshot.DefinitionHash,
        };
        EntityText.Write(entity, "Json", snapshot.Answer.ToJsonString());
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);

        // Older rows sort after the new one; a newer row written meanwhile by another instance sorts before and stays.
        await foreach (var older in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(row) > 0, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(older.PartitionKey, older.RowKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Removes cached ad-hoc answers computed before <paramref name="cutoff"/> (they are never read again after their TTL).</summary>
    public async Task<int> DeleteAdhocBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var adhoc = KeyRange.StartingWith(SnapshotKeys.AdhocPrefix);
        var filter = $"{adhoc.PartitionFilter()} and {TableClient.CreateQueryFilter($"ComputedAt lt {cutoff}")}";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    /// <summary>
    /// Removes every stored answer that names one of <paramref name="userKeys"/> (a funnel's drop-off list, a cached
    /// ad-hoc answer): a deleted user must not stay readable there. Saved definitions are computed again on demand.
    /// </summary>
    public async Task DeleteMentioningAsync(IReadOnlyList<string> userKeys, CancellationToken cancellationToken)
    {
        // Answers are written with the default JSON encoder; a key serialized the same way matches its escaping.
        var needles = userKeys.Select(key => JsonSerializer.Serialize(key)).ToList();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (EntityText.Read(row, "Json") is { } json && needles.Any(needle => json.Contains(needle, StringComparison.Ordinal)))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            }
        }
    }

    private static string RowKey(DateTimeOffset computedAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - computedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static Snapshot Read(TableEntity row) => new(
        JsonNode.Parse(EntityText.Read(row, "Json") ?? "{}")!.AsObject(),
        row.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue,
        row.GetString("DefinitionHash") ?? "");
}
