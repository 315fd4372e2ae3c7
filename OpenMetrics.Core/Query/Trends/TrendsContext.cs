namespace OpenMetrics.Core.Query.Trends;

/// <summary>The stores a trend reads besides the pre-aggregates, and a fresh set of identity lookups per query.</summary>
public sealed class TrendsContext(IIdentityReader identity, IEventReader scanner, IUserSetReader users)
{
    public IEventReader Scanner => scanner;

    public IUserSetReader Users => users;

    /// <summary>Lookups live for one query: identity is read as it is when the query runs.</summary>
    public TrendPeople People() => new(identity);
}
