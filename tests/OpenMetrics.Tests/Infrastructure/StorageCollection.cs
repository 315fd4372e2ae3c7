namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Tests that use the shared Azurite and local host. They run one after another (one xunit collection), because
/// they share the ingest queue and each starts from an empty one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "storage";
}
