namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Tests of the query API share one local host with its queue poller, and run one class at a time; the dashboard's
/// browser tests join them (one Chromium), so that a page is compared with the API over the same data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QueryCollection : ICollectionFixture<QueryHostFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "query";
}
