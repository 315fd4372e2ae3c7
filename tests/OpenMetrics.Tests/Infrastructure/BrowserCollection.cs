namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Tests that drive the browser client in Chromium: one browser, one local host (with its queue poller and a storage
/// switch) and one site on another origin for the collection, one test at a time (a storage outage is for everyone).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<ClientHostFixture>, ICollectionFixture<StaticSite>
{
    public const string Name = "browser";
}
