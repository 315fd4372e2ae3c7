using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.Apps.Hosting;

/// <summary>What the aggregate app needs, registered once for the Functions app and the local host alike.</summary>
public static class AggregationServices
{
    public static IServiceCollection AddOpenMetricsAggregation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsStores(configuration);
        services.TryAddSingleton(provider => new IngestMessageReader(
            provider.GetRequiredService<StorageAccount>().Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer)));
        services.TryAddSingleton(provider => new ClientEventIds(provider.Table(StorageNames.SessionEventsTable)));
        services.TryAddSingleton(provider => new AggregateStore(provider.Table(StorageNames.AggregatesTable), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new CountedMessages(provider.Table(StorageNames.AggregatesTable)));
        services.TryAddSingleton(provider => new RollupStore(provider.Table(StorageNames.RollupsDailyTable), provider.Table(StorageNames.RollupsHourlyTable)));
        services.TryAddSingleton(provider => new AggregateCompactor(
            provider.Table(StorageNames.AggregatesTable),
            provider.GetRequiredService<RollupStore>(),
            provider.GetRequiredService<CountedMessages>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<AggregateCompactor>>()));
        services.AddOpenMetricsPrivacy(configuration);
        services.TryAddSingleton<IngestProcessor>();
        services.AddSingleton(provider => IngestFailureLog.Create(provider.GetRequiredService<StorageAccount>()));
        services.AddSingleton<IngestQueueHandler>();
        services.AddSingleton(provider => PoisonQueue.Create(
            provider.GetRequiredService<StorageAccount>(),
            provider.GetRequiredService<IngestFailureLog>(),
            provider.GetService<ILogger<PoisonQueue>>()));
        services.AddSingleton(provider => PoisonDiscarder.Create(
            provider.GetRequiredService<StorageAccount>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<PoisonDiscarder>>()));
        services.AddSingleton<PoisonHandlers>();
        services.AddOpenMetricsSources(configuration);
        services.AddOpenMetricsImportProcessing(configuration);
        // The alert timer reads metrics through the analysis services, which the aggregate app registers beside these.
        services.AddOpenMetricsAlerts(configuration);
        return services;
    }
}
