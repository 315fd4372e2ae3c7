using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Events;

/// <summary>
/// Makes an event that a client sent with its own <c>id</c> count once, even when the client retried the whole call
/// (a new message). The first message to claim an id writes a ledger row (<c>id_{hash}</c> in the session's
/// partition of <c>SessionEvents</c>) naming itself; a later message that finds the id claimed by another message
/// drops the event. The same message processed again finds its own claims and goes on, so a crash halfway loses nothing.
/// </summary>
public sealed class ClientEventIds(TableClient sessionEvents)
{
    private const string ClaimPrefix = "id_";

    /// <summary>The first row key after every claim: '`' is the character after '_'.</summary>
    private const string ClaimEnd = "id`";

    public async Task<IReadOnlyList<IngestEvent>> KeepUnclaimedAsync(IngestMessage message, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        var unique = events.DistinctBy(e => e.Id).ToList();
        var clientIds = unique.Where(e => IsFromClient(message, e)).ToList();
        if (clientIds.Count == 0)
        {
            return unique;
        }

        var duplicates = new HashSet<string>();
        var partition = EventPageKeys.SessionPartition(message.SessionId);
        foreach (var chunk in clientIds.Chunk(TableBatches.MaxPerTransaction))
        {
            var claims = chunk.Select(e => Claim(partition, message, e)).ToList();
            try
            {
                await sessionEvents.SubmitTransactionAsync(claims.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c)), cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409)
            {
                // Some ids were claimed before: by this message on an earlier try, or by another call (a true retry).
                foreach (var claim in claims)
                {
                    if (await ClaimedByAnotherAsync(claim, message.Id, cancellationToken))
                    {
                        duplicates.Add(claim.GetString("EventId"));
                    }
                }
            }
        }

        return duplicates.Count == 0 ? unique : unique.Where(e => !duplicates.Contains(e.Id)).ToList();
    }

    /// <summary>
    /// Which of <paramref name="eventIds"/> the session's ledger holds: one range read of its <c>id_</c> rows, so the
    /// cost grows with that session's own client ids. Imports use it to find events a user's live sessions already hold.
    /// </summary>
    public async Task<IReadOnlySet<string>> HeldAsync(string sessionId, IReadOnlySet<string> eventIds, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EventPageKeys.SessionPartition(sessionId)} and RowKey ge {ClaimPrefix} and RowKey lt {ClaimEnd}");
        await foreach (var claim in sessionEvents.QueryAsync<TableEntity>(filter, select: ["EventId"], cancellationToken: cancellationToken))
        {
            if (claim.GetString("EventId") is { } id && eventIds.Contains(id))
            {
                held.Add(id);
            }
        }

        return held;
    }

    /// <summary>Ingest makes server ids from the call id and the event's index; anything else came from the client.</summary>
    private static bool IsFromClient(IngestMessage message, IngestEvent ingestEvent) =>
        ingestEvent.Id != $"{message.CallId}:{ingestEvent.Seq}";

    private static TableEntity Claim(string partition, IngestMessage message, IngestEvent ingestEvent) =>
        new(partition, ClaimPrefix + StableHash.Hex128(ingestEvent.Id))
        {
            ["MessageId"] = message.Id,
            ["EventId"] = ingestEvent.Id,
        };

    private async Task<bool> ClaimedByAnotherAsync(TableEntity claim, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await sessionEvents.AddEntityAsync(claim, cancellationToken);
            return false;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await sessionEvents.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            return existing.Value.GetString("MessageId") != messageId;
        }
    }
}
