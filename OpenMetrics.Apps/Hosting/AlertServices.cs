using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenMetrics.Apps.Alerts;
using OpenMetrics.Apps.Query.Alerts;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Alerts;
using OpenMetrics.Storage.Sources;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// Alerts (docs/metrics-alerts.md, "Alerts"): the store and the API for the query app, the evaluator and its webhook
/// sender for the aggregate app's timer. The evaluator reads metrics through the analysis services
/// (<see cref="AnalysisServices"/>), which both apps register. TryAdd, so one process (the local host) may host both.
/// </summary>
public static class AlertServices
{
    public static IServiceCollection AddOpenMetricsAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsSources(configuration);
        services.TryAddSingleton(_ =>
        {
            var options = new AlertDeliveryOptions();
            configuration.GetSection(AlertDeliveryOptions.Section).Bind(options);
            return options;
        });
        services.TryAddSingleton<AlertParser>();
        services.TryAddSingleton<IAlertStore>(provider => new AlertStore(provider.Table(StorageNames.AlertsTable), provider.GetRequiredService<AlertParser>()));
        services.TryAddSingleton<IWebhookSender>(provider => new WebhookSender(
            provider.GetRequiredService<SourceConnections>(), provider.GetRequiredService<AlertDeliveryOptions>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AlertEvaluator>();
        services.TryAddSingleton<AlertOpsHandler>();
        services.TryAddSingleton<AlertHandler>();
        services.TryAddSingleton<AlertsHandler>();
        services.TryAddSingleton<AlertHistoryHandler>();
        return services;
    }
}
