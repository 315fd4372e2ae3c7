using Azure.Data.Tables;
using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>The stores a trend reads besides the pre-aggregates, and a fresh set of identity lookups per query.</summary>
public sealed class TrendsContext(TableClient identity, RawEventScanner scanner, PreaggregateUsers users)
{
    public RawEventScanner Scanner => scanner;

    public PreaggregateUsers Users => users;

    /// <summary>Lookups live for one query: identity is read as it is when the query runs.</summary>
    public TrendPeople People() => new(identity);
}
