using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Queues;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Hosting;

/// <summary>What the aggregate app needs, registered once for the Functions app and the local host alike.</summary>
public static class AggregationServices
{
    public static IServiceCollection AddOpenMetricsAggregation(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.AddSingleton(provider => new IngestMessageReader(
            provider.GetRequiredService<StorageAccount>().Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer)));
        services.AddSingleton<IngestProcessor>();
        services.AddSingleton<AggregateCompactor>();
        services.AddSingleton(provider => IngestFailureLog.Create(provider.GetRequiredService<StorageAccount>()));
        services.AddSingleton<IngestQueueHandler>();
        services.AddSingleton(provider => PoisonQueue.Create(
            provider.GetRequiredService<StorageAccount>(),
            provider.GetRequiredService<IngestFailureLog>(),
            provider.GetService<ILogger<PoisonQueue>>()));
        services.AddSingleton<PoisonApi>();
        return services;
    }
}
