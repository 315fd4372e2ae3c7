using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// The worker's Application Insights logger keeps only warnings unless configuration says otherwise (the SDK adds that
/// filter rule itself). The app settings each app is deployed with must let the apps' own Information lines through,
/// such as the aggregate app's "Processed ingest message … lag" that docs/deploy.md's queue-lag query reads.
/// </summary>
public sealed class TelemetryLevelsTests
{
    [Theory]
    [InlineData("ingest", "OpenMetrics.Apps.Ingest.IngestService")]
    [InlineData("aggregate", "OpenMetrics.Apps.Queues.IngestQueueHandler")]
    [InlineData("aggregate", "OpenMetrics.Core.Query.Snapshots.SnapshotRefresher")]
    [InlineData("query", "OpenMetrics.Apps.Query.QueryEndpoints")]
    public async Task The_deployed_settings_send_the_apps_information_lines_to_Application_Insights(string service, string category)
    {
        using var provider = WorkerLogging((await CompiledInfra.LoadAsync()).App(service));
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.True(logger.IsEnabled(LogLevel.Information), $"{service} drops Information of {category}");
    }

    [Fact]
    public async Task Other_libraries_stay_at_warnings()
    {
        using var provider = WorkerLogging((await CompiledInfra.LoadAsync()).App("aggregate"));
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Azure.Core");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    /// <summary>
    /// Logging as the worker sets it up: configuration first (app settings are environment variables, <c>__</c> for
    /// <c>:</c>; their values are written in main.bicep, the caller of the app's module), then Program.cs's AddApplicationInsightsTelemetryWorkerService, whose provider is the only one here.
    /// </summary>
    private static ServiceProvider WorkerLogging(DeployedApp app)
    {
        var settings = app.Settings
            .Where(pair => pair.Key.StartsWith("Logging__", StringComparison.Ordinal))
            .Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), (string?)app.Deployment.Parent!.Resolve(pair.Value)?.ToString()));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")));
        services.AddApplicationInsightsTelemetryWorkerService();
        return services.BuildServiceProvider();
    }
}
