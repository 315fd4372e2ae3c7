using OpenMetrics.Core.Imports;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage.Aggregation;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// One chunk of an import, every step in order: the import starts running; the chunk's records are mapped to events
/// (a bad row refused with its line and reason); the events become the ingest messages the live path would have made
/// (<see cref="ImportMessages"/>), without those another session of their user holds (<see cref="ImportOverlap"/>), recorded by the same <see cref="IngestProcessor"/>; the chunk's result is written once;
/// the import is done when every chunk is. Every step is idempotent, so a chunk delivered twice, or retried after a
/// crash halfway, counts each row once (docs/imports.md).
/// </summary>
public sealed class ImportChunkProcessor(
    ImportStore imports, ImportChunks chunks, IngestProcessor processor, ImportOverlap overlap, IngestLimits limits, TimeProvider clock)
{
    /// <summary>Sessions of a chunk recorded at the same time: they touch different rows, as concurrent live calls do.</summary>
    private const int ParallelSessions = 8;

    public async Task ProcessAsync(ImportChunkMessage message, CancellationToken cancellationToken)
    {
        if (await imports.ReadAsync(message.Import, cancellationToken) is not { } import || import.State == ImportState.Failed)
        {
            // A failed import stops: its other chunks count nothing more.
            return;
        }

        var now = clock.GetUtcNow();
        await imports.ChangeAsync(import.Id, current => current.State == ImportState.Queued ? current with { State = ImportState.Running, StartedAt = now } : null, cancellationToken);
        if (!await imports.HasChunkResultAsync(import.Id, message.Chunk, cancellationToken))
        {
            var result = await RecordAsync(import, message, cancellationToken);
            await imports.AddChunkResultAsync(import.Id, result, cancellationToken);
        }

        await CompleteIfLastAsync(import.Id, cancellationToken);
    }

    private async Task<ImportChunkResult> RecordAsync(StoredImport import, ImportChunkMessage message, CancellationToken cancellationToken)
    {
        var records = await chunks.ReadAsync(message.Blob, cancellationToken);

        // The clock rules are those of the upload's time, so a retry a day later decides each row as the first try did.
        var rows = records.Select(record => ImportRowMapper.Map(import.Format, record, limits, import.CreatedAt)).ToList();
        var events = rows.Where(row => row.Event is not null).Select(row => row.Event!).ToList();
        var refused = rows.Where(row => row.Event is null).Select(row => new RefusedRow(row.Line, row.Refusal ?? "The row holds no event.")).ToList();
        var sessions = ImportMessages.Build(import.Id, message.Chunk, events);
        await Parallel.ForEachAsync(
            sessions,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSessions, CancellationToken = cancellationToken },
            async (session, token) =>
            {
                foreach (var ingestMessage in session)
                {
                    // The session's setUserId comes first, so its user is known when its events are checked.
                    await processor.RecordAsync(await overlap.WithoutHeldElsewhereAsync(ingestMessage, token), token);
                }
            });
        return new ImportChunkResult(message.Chunk, rows.Count, events.Count, refused.Count, [.. refused.OrderBy(r => r.Line).Take(ImportChunkResult.MaxRefusedKept)]);
    }

    /// <summary>Each chunk counts the results after writing its own, so the last one to finish always sees them all.</summary>
    private async Task CompleteIfLastAsync(string importId, CancellationToken cancellationToken)
    {
        var done = (await imports.ChunkResultsAsync(importId, cancellationToken)).Count;
        var now = clock.GetUtcNow();
        await imports.ChangeAsync(
            importId,
            current => current.Final && current.State is ImportState.Queued or ImportState.Running && done >= current.Chunks
                ? current with { State = ImportState.Done, StartedAt = current.StartedAt ?? now, FinishedAt = now }
                : null,
            cancellationToken);
    }

    /// <summary>At a chunk's last try: the import ends failed with the reason, and its remaining chunks count nothing.</summary>
    public async Task FailAsync(ImportChunkMessage message, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await imports.ChangeAsync(
            message.Import,
            current => current.State is ImportState.Done or ImportState.Failed
                ? null
                : current with { State = ImportState.Failed, Error = $"Chunk {message.Chunk} kept failing: {reason}", FinishedAt = now },
            cancellationToken);
    }
}
