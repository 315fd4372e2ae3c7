using System.Collections.Concurrent;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.People;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Reads which sessions belong to a user now: the user partition's <c>s_</c> rows name them (merges included), and
/// each session's own row, read in parallel, gives its properties and time span. A merge writes the link rows first
/// and moves the sessions last (its commit point), so a session whose row names another user is left out.
/// </summary>
public sealed class UserSessions(IdentityStore identity)
{
    private const int ParallelReads = 16;

    public async Task<UserLinks> ReadAsync(string userKey, bool withProps, CancellationToken cancellationToken)
    {
        var partition = IdentityKeys.UserPartition(userKey);
        var sessionIds = new List<string>();
        var mergedUsers = new List<string>();

        // Alias rows (a_…) and session rows (s_…) in one range read; the profile row sorts between them and is skipped.
        await foreach (var row in identity.Table.QueryAsync<TableEntity>(
            $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition}")} and {IdentityKeys.UserLinkRows.RowFilter()}",
            select: ["RowKey", "SessionId", "UserKey"],
            cancellationToken: cancellationToken))
        {
            if (IdentityKeys.IsUserSessionRow(row.RowKey) && row.GetString("SessionId") is { } sessionId)
            {
                sessionIds.Add(sessionId);
            }
            else if (IdentityKeys.IsAliasRow(row.RowKey) && row.GetString("UserKey") is { } alias)
            {
                mergedUsers.Add(alias);
            }
        }

        var sessions = new ConcurrentBag<UserSession>();
        IEnumerable<string>? columns = withProps ? null : ["UserKey", "FirstSeen", "LastSeen"];
        await Parallel.ForEachAsync(sessionIds, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (sessionId, token) =>
        {
            var read = await identity.Table.GetEntityIfExistsAsync<TableEntity>(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow, columns, token);
            if (read.HasValue && read.Value!.GetString("UserKey") == userKey)
            {
                var row = read.Value;
                sessions.Add(new UserSession(sessionId, withProps ? StoredProps.Read(row) : [], row.GetDateTimeOffset("FirstSeen"), row.GetDateTimeOffset("LastSeen")));
            }
        });

        var newestFirst = sessions.OrderByDescending(s => s.LastSeen).ThenBy(s => s.SessionId, StringComparer.Ordinal).ToList();
        return new UserLinks(newestFirst, [.. mergedUsers.Order(StringComparer.Ordinal)]);
    }
}
