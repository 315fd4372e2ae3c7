using System.Collections.Concurrent;
using Azure.Data.Tables;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Who each session belongs to now, for one query. A raw event carries the user of its session when it was written;
/// docs/semantics.md wants the user it belongs to at query time (a later setUserId moves every event of the session), and a
/// session row always names its current user, merges included. Small questions read the sessions they need; a scan
/// over many sessions reads every session row once instead.
/// </summary>
public sealed class SessionUsers(TableClient identity) : ISessionUserLookup
{
    /// <summary>Above this many unknown sessions, one scan of all session rows beats point reads.</summary>
    public const int PointReadLimit = ISessionUserLookup.PointReadLimit;

    private readonly ConcurrentDictionary<string, string> _users = new(StringComparer.Ordinal);
    private bool _loadedAll;

    /// <summary>Resolves the given sessions (those not already known) so that <see cref="UserOf"/> answers for them.</summary>
    public async Task LoadAsync(IEnumerable<string> sessionIds, CancellationToken cancellationToken)
    {
        if (_loadedAll)
        {
            return;
        }

        var unknown = sessionIds.Where(id => !_users.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > PointReadLimit)
        {
            await LoadAllAsync(cancellationToken);
            return;
        }

        await Parallel.ForEachAsync(unknown, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (sessionId, token) =>
        {
            var row = await identity.GetEntityIfExistsAsync<TableEntity>(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow, ["UserKey"], token);
            if (row.HasValue && row.Value!.GetString("UserKey") is { } userKey)
            {
                _users[sessionId] = userKey;
            }
        });
    }

    /// <summary>Reads every session row: the sessions partitions sort together (<c>s_…</c>), so this is one range scan.</summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        await foreach (var row in identity.QueryAsync<TableEntity>(
            $"{IdentityKeys.SessionPartitions.PartitionFilter()} and {TableClient.CreateQueryFilter($"RowKey eq {IdentityKeys.SessionRow}")}",
            select: ["SessionId", "UserKey"],
            cancellationToken: cancellationToken))
        {
            if (row.GetString("SessionId") is { } sessionId && row.GetString("UserKey") is { } userKey)
            {
                _users[sessionId] = userKey;
            }
        }

        _loadedAll = true;
    }

    /// <summary>The session's user now; <paramref name="writtenAs"/> (the user stored with the event) if the session is not loaded.</summary>
    public string UserOf(string sessionId, string writtenAs) => _users.TryGetValue(sessionId, out var user) ? user : writtenAs;
}
