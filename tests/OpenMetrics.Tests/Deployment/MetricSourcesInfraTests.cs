using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// What metric sources need from the deployment (docs/deploy.md, "Metric sources"): the premade source's workspace id
/// from the monitoring module, and reader roles widened to the subscription only when metricSourcesScope says so.
/// </summary>
public sealed class MetricSourcesInfraTests
{
    private const string MonitoringReader = "43d0d8ad-25c7-4714-9337-8ba259a9fe05";
    private const string LogAnalyticsReader = "73c42c96-874c-492b-b04d-ab87d138a893";

    [Theory]
    [InlineData("aggregate")]
    [InlineData("query")]
    public async Task The_service_health_workspace_is_the_deployments_own_and_can_be_turned_off(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);

        var value = app.Settings[PremadeSources.WorkspaceSetting]!.ToString();

        // The monitoring module's workspace GUID (customerId), or '' when serviceHealthSource is false.
        Assert.Contains("monitoring", app.SourcesOf(PremadeSources.WorkspaceSetting));
        Assert.Contains("serviceHealthSource", app.Deployment.Expand(value), StringComparison.Ordinal);
        var monitoring = (await CompiledInfra.LoadAsync()).Deployment("monitoring");
        Assert.Contains("customerId", monitoring.Template["outputs"]!["workspaceId"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_wide_readers_exist_only_when_the_scope_parameter_asks()
    {
        var root = (await CompiledInfra.LoadAsync()).Root;

        var assignment = Assert.Single(root.ResourcesOfType("Microsoft.Authorization/roleAssignments"));
        var expanded = root.Expand(assignment.Body);

        // The copy count is the length of a list that is empty unless metricSourcesScope is 'subscription'.
        Assert.Contains("parameters('metricSourcesScope'), 'subscription'", expanded, StringComparison.Ordinal);
        Assert.Contains(MonitoringReader, expanded, StringComparison.Ordinal);
        Assert.Contains(LogAnalyticsReader, expanded, StringComparison.Ordinal);
        Assert.Contains("identity-aggregate", expanded, StringComparison.Ordinal);
        Assert.Contains("identity-query", expanded, StringComparison.Ordinal);
        Assert.Equal("resourceGroup", (string?)root.Template["parameters"]!["metricSourcesScope"]!["defaultValue"]);
    }
}
