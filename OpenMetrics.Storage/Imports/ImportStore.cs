using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// The <c>Imports</c> table: each import's row (<see cref="StoredImport"/>, changed only with its ETag) and its chunks'
/// results (<see cref="ImportChunkResult"/>, written once). The figures an import shows are summed from its chunks.
/// </summary>
public sealed class ImportStore(TableClient table)
{
    public async Task CreateAsync(StoredImport import, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(import.ToEntity(), cancellationToken);

    public async Task<StoredImport?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(StoredImport.Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? StoredImport.From(row.Value!) : null;
    }

    /// <summary>Writes <paramref name="changed"/> if its row is still the one read; false when another writer came first.</summary>
    public async Task<bool> TryReplaceAsync(StoredImport changed, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(changed.ToEntity(), changed.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Every import, newest first.</summary>
    public async Task<IReadOnlyList<StoredImport>> ListAsync(CancellationToken cancellationToken)
    {
        var imports = new List<StoredImport>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == StoredImport.Partition, cancellationToken: cancellationToken))
        {
            imports.Add(StoredImport.From(row));
        }

        return [.. imports.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    /// <summary>Once: a chunk processed again (a redelivery) finds its result written and keeps it.</summary>
    public async Task AddChunkResultAsync(string importId, ImportChunkResult result, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(result.ToEntity(importId), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Written by an earlier try of this chunk.
        }
    }

    public async Task<bool> HasChunkResultAsync(string importId, int chunk, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(ImportChunkResult.Partition(importId), ImportChunkResult.Row(chunk), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public async Task<IReadOnlyList<ImportChunkResult>> ChunkResultsAsync(string importId, CancellationToken cancellationToken)
    {
        var partition = ImportChunkResult.Partition(importId);
        var results = new List<ImportChunkResult>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            results.Add(ImportChunkResult.From(row));
        }

        return results;
    }

    /// <summary>The import as the API shows it: its row, and the sums of its chunks' results.</summary>
    public async Task<ImportStatus> StatusAsync(StoredImport import, CancellationToken cancellationToken)
    {
        var results = await ChunkResultsAsync(import.Id, cancellationToken);
        var refused = results.OrderBy(r => r.Chunk).SelectMany(r => r.Refused).OrderBy(r => r.Line).Take(ImportChunkResult.MaxRefusedKept).ToList();
        return new ImportStatus(
            import.Id,
            ImportFormats.Name(import.Format),
            import.State,
            import.BytesRead,
            results.Sum(r => r.RowsRead),
            results.Sum(r => r.EventsAccepted),
            results.Sum(r => r.RowsRefused),
            refused,
            import.Error,
            import.CreatedAt,
            import.StartedAt,
            import.FinishedAt,
            import.Chunks,
            results.Count);
    }

    /// <summary>Applies <paramref name="change"/> to the current row until it lands or returns null (nothing to change); the row as written, or null.</summary>
    public async Task<StoredImport?> ChangeAsync(string id, Func<StoredImport, StoredImport?> change, CancellationToken cancellationToken)
    {
        while (await ReadAsync(id, cancellationToken) is { } current)
        {
            if (change(current) is not { } changed)
            {
                return null;
            }

            if (await TryReplaceAsync(changed, cancellationToken))
            {
                return changed;
            }
        }

        return null;
    }

    /// <summary>Import ids are 32 hex digits: anything else is no import (and never reaches a key).</summary>
    public static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
