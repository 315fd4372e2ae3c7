using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// Drops the imported events that another session of the same user already holds under the same id: a team that
/// logged live with event ids, and sent the same events to another tool with the same insert ids, imports that tool's
/// export and counts each event once (docs/imports.md). Live ids are kept per session (docs/api-v1.md); here, after
/// the import session is linked to its user, the ids of every other session of that user are checked too, so ids
/// are compared within a user, never across users. Read again on a retry, which finds the same sessions and drops the
/// same events.
/// </summary>
public sealed class ImportOverlap(IdentityStore identity, UserSessions sessions, ClientEventIds clientEventIds)
{
    public async Task<IngestMessage> WithoutHeldElsewhereAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind != V1Call.Events || message.Events is not { Count: > 0 } events
            || (await identity.ReadSessionAsync(message.SessionId, cancellationToken))?.GetString("UserKey") is not { } userKey)
        {
            return message;
        }

        var ids = events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in (await sessions.ReadAsync(userKey, withProps: false, cancellationToken)).Sessions)
        {
            if (other.SessionId != message.SessionId)
            {
                held.UnionWith(await clientEventIds.HeldAsync(other.SessionId, ids, cancellationToken));
            }
        }

        return held.Count == 0 ? message : message with { Events = [.. events.Where(e => !held.Contains(e.Id))] };
    }
}
