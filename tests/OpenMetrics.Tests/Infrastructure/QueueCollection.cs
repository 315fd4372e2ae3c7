namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// End-to-end tests through the local host's queue poller. Apart from <see cref="StorageCollection"/>, whose tests read
/// the ingest queue themselves and would race a poller for its messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QueueCollection : ICollectionFixture<QueueHostFixture>
{
    public const string Name = "queues";
}
