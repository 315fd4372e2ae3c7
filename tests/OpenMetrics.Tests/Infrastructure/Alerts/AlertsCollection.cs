namespace OpenMetrics.Tests.Infrastructure.Alerts;

/// <summary>Tests of alerts share one local host, its clock and its webhook receiver, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AlertsCollection : ICollectionFixture<AlertsHostFixture>
{
    public const string Name = "alerts";
}
