namespace OpenMetrics.Tests.Infrastructure;

/// <summary>Tests of the .NET client against a local host of their own, one test at a time (a storage outage is for everyone).</summary>
[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<ClientHostFixture>
{
    public const string Name = "client";
}
