using System.Globalization;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Privacy;

/// <summary>
/// Where a user's data lives: their user keys (their own and those of the users merged into them, anonymous session
/// users included), the sessions that belong to them, and the UTC months those sessions span (the user sets'
/// partitions). The sessions and merged users are read as the people routes read them (<see cref="UserSessions"/>).
/// </summary>
public sealed class UserFootprint(IdentityStore identity, UserSessions userSessions)
{
    /// <returns>Null when the user has no profile.</returns>
    public async Task<(List<string> Users, List<string> Sessions, List<string> Months)?> FindAsync(string userKey, CancellationToken cancellationToken)
    {
        if (await identity.ReadProfileAsync(userKey, cancellationToken) is null)
        {
            return null;
        }

        var links = await userSessions.ReadAsync(userKey, withProps: false, cancellationToken);
        var months = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in links.Sessions)
        {
            if (session is { FirstSeen: { } first, LastSeen: { } last })
            {
                // Last seen may lag the session's last event by up to its resolution.
                var end = (last + IdentityStore.LastSeenResolution).UtcDateTime;
                for (var month = new DateTime(first.UtcDateTime.Year, first.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc); month <= end; month = month.AddMonths(1))
                {
                    months.Add(month.ToString("yyyyMM", CultureInfo.InvariantCulture));
                }
            }
        }

        return ([userKey, .. links.MergedUsers], [.. links.Sessions.Select(s => s.SessionId)], [.. months]);
    }
}
