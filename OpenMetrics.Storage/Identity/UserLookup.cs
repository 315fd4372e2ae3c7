using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.People;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Finds the user a route's id names. An id merged into another user answers for that user (the merge chain followed
/// to its end), not with a redirect: every figure already counts the merged user as the other one, so its profile and
/// timeline are the other one's. The answer says so in <c>mergedFrom</c>.
/// </summary>
public sealed class UserLookup(IdentityStore identity)
{
    public async Task<FoundUser> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await identity.ReadProfileAsync(userId, cancellationToken) ?? throw QueryException.NotFound($"The user '{userId}'");
        if (profile.GetString("MergedInto") is null)
        {
            return new FoundUser(userId, StoredProps.Read(profile), null);
        }

        var into = await identity.ResolveAsync(userId, cancellationToken);
        var intoProfile = await identity.ReadProfileAsync(into, cancellationToken) ?? throw QueryException.NotFound($"The user '{into}' that '{userId}' merged into");
        return new FoundUser(into, StoredProps.Read(intoProfile), userId);
    }
}
