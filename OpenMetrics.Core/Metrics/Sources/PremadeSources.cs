using Microsoft.Extensions.Configuration;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// The sources a deployment brings with no configuration. <c>service-health</c>: requests, failures and p95 duration
/// per app, every 15 minutes, from the Application Insights of the deployment. It is a Log Analytics query over
/// <c>AppRequests</c> (workspace-based Application Insights writes there): one query gives all three figures per app,
/// and a true p95 (<c>percentile()</c>), which the Azure Monitor metrics API has no aggregation for.
/// </summary>
public static class PremadeSources
{
    /// <summary>The workspace id (GUID) of the deployment's Log Analytics workspace; Bicep sets it.</summary>
    public const string WorkspaceSetting = "OPENMETRICS_SERVICE_HEALTH_WORKSPACE_ID";

    public const string ServiceHealthId = "service-health";

    /// <summary>Points land in <c>service-health.requests</c>, <c>service-health.failures</c> and <c>service-health.p95DurationMs</c>, dim <c>app</c>.</summary>
    public const string ServiceHealthQuery =
        "AppRequests\n" +
        "| summarize requests = count(), failures = countif(Success == false), p95DurationMs = percentile(DurationMs, 95)\n" +
        "    by bin(TimeGenerated, 15m), app = AppRoleName";

    public static IReadOnlyList<MetricSource> From(IConfiguration configuration, DateTimeOffset now)
    {
        if (configuration[WorkspaceSetting] is not { Length: > 0 } workspace || !Guid.TryParse(workspace, out var id))
        {
            return [];
        }

        return
        [
            new MetricSource(ServiceHealthId, SourceKind.LogAnalytics, ServiceHealthId, SourceFields.DefaultSchedule, 7, now,
                LogAnalytics: new LogAnalyticsPull(id.ToString("D"), ServiceHealthQuery), Premade: true),
        ];
    }
}
