namespace OpenMetrics.Tests.Infrastructure.Sources;

/// <summary>Tests of the sources API and timer share one local host and its response server, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SourcesCollection : ICollectionFixture<SourcesHostFixture>
{
    public const string Name = "sources";
}
