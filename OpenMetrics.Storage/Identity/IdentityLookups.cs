using Azure.Data.Tables;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Storage.Identity;

/// <summary>The query side's identity lookups over the <c>Identity</c> table (see <see cref="IdentityKeys"/>).</summary>
public sealed class IdentityLookups(TableClient identity) : IIdentityReader
{
    public ISessionUserLookup SessionUsers() => new SessionUsers(identity);

    public IPropsLookup UserProps() => PropsLookup.Users(identity);

    public IPropsLookup SessionProps() => PropsLookup.Sessions(identity);
}
