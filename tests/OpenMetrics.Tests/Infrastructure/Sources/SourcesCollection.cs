using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Infrastructure.Sources;

/// <summary>Tests of the sources API, timer and dashboard page share one local host and its response server, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SourcesCollection : ICollectionFixture<SourcesHostFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "sources";
}
