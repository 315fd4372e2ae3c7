namespace OpenMetrics.Tests.Infrastructure;

/// <summary>Tests of the query API share one local host with its queue poller, and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class QueryCollection : ICollectionFixture<QueryHostFixture>
{
    public const string Name = "query";
}
