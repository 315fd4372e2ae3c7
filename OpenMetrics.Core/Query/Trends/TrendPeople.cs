using Azure.Data.Tables;
using OpenMetrics.Core.Identity;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>The identity lookups of one query: each session's user now, and user and session properties now.</summary>
public sealed class TrendPeople(TableClient identity)
{
    public SessionUsers Sessions { get; } = new(identity);

    public PropsLookup UserProps { get; } = PropsLookup.Users(identity);

    public PropsLookup SessionProps { get; } = PropsLookup.Sessions(identity);
}
