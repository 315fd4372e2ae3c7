using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Identity;

namespace OpenMetrics.Core.Privacy;

/// <summary>
/// Where a user's data lives: their user keys (their own and those of the users merged into them, anonymous session
/// users included), the sessions linked to them, and the UTC months those sessions span (the user sets' partitions).
/// </summary>
public sealed class UserFootprint(IdentityStore identity)
{
    /// <returns>Null when the user has no profile.</returns>
    public async Task<(List<string> Users, List<string> Sessions, List<string> Months)?> FindAsync(string userKey, CancellationToken cancellationToken)
    {
        if (await identity.ReadProfileAsync(userKey, cancellationToken) is null)
        {
            return null;
        }

        var users = new List<string> { userKey };
        var sessions = new List<string>();
        await foreach (var row in identity.Table.QueryAsync<TableEntity>(e => e.PartitionKey == IdentityKeys.UserPartition(userKey), cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith("a_", StringComparison.Ordinal) && row.GetString("UserKey") is { } alias)
            {
                users.Add(alias);
            }
            else if (row.RowKey.StartsWith("s_", StringComparison.Ordinal) && row.GetString("SessionId") is { } session)
            {
                sessions.Add(session);
            }
        }

        var months = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (await identity.ReadSessionAsync(session, cancellationToken) is { } row
                && row.GetDateTimeOffset("FirstSeen") is { } first && row.GetDateTimeOffset("LastSeen") is { } last)
            {
                // Last seen may lag the session's last event by up to its resolution.
                var end = (last + IdentityStore.LastSeenResolution).UtcDateTime;
                for (var month = new DateTime(first.UtcDateTime.Year, first.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc); month <= end; month = month.AddMonths(1))
                {
                    months.Add(month.ToString("yyyyMM", CultureInfo.InvariantCulture));
                }
            }
        }

        return (users, sessions, [.. months]);
    }
}
