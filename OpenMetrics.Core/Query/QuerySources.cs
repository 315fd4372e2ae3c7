namespace OpenMetrics.Core.Query;

/// <summary>The stores a query (trends, funnels, retention, segments) reads besides the pre-aggregates, and a fresh set of identity lookups per query.</summary>
public sealed class QuerySources(IIdentityReader identity, IEventReader scanner, IUserSetReader users)
{
    public IEventReader Scanner => scanner;

    public IUserSetReader Users => users;

    /// <summary>Lookups live for one query: identity is read as it is when the query runs.</summary>
    public QueryIdentity People() => new(identity);
}
