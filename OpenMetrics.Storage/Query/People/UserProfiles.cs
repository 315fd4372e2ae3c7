using System.Collections.Concurrent;
using OpenMetrics.Core.Query.People;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Query.People;

/// <summary>Puts a user's profile together: their properties, sessions, time span and how many events they logged.</summary>
public sealed class UserProfiles(UserSessions userSessions, ISessionEventReader pages)
{
    private const int ParallelReads = 16;

    public async Task<UserProfile> ReadAsync(FoundUser user, CancellationToken cancellationToken)
    {
        var links = await userSessions.ReadAsync(user.UserKey, withProps: true, cancellationToken);
        var counts = new ConcurrentBag<long>();
        await Parallel.ForEachAsync(links.Sessions, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (session, token) =>
            counts.Add(await pages.CountAsync(session.SessionId, token)));

        return new UserProfile(
            user.UserKey,
            user.Props,
            links.Sessions.Min(s => s.FirstSeen),
            links.Sessions.Max(s => s.LastSeen),
            links.Sessions,
            counts.Sum(),
            UserKeys.IsAnonymous(user.UserKey),
            user.MergedFrom,
            links.MergedUsers);
    }
}
