using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenMetrics.Apps.Imports;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Imports;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Imports;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// Imports, for both apps that take part: the query app takes the uploads (<see cref="ImportUpload"/>) and shows the
/// imports; the aggregate app processes their chunks (<see cref="ImportChunkProcessor"/>). TryAdd, as one process (the
/// local host) registers both.
/// </summary>
internal static class ImportServices
{
    public static IServiceCollection AddOpenMetricsImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsStores(configuration);
        var options = new ImportSettings();
        configuration.GetSection(ImportSettings.Section).Bind(options);
        services.TryAddSingleton(options);
        var limits = new IngestLimits();
        configuration.GetSection(IngestLimits.Section).Bind(limits);
        services.TryAddSingleton(limits);
        services.TryAddSingleton(provider => new ImportStore(provider.Table(StorageNames.ImportsTable)));
        services.TryAddSingleton(provider => new ImportChunks(
            provider.GetRequiredService<StorageAccount>().Blobs().GetBlobContainerClient(StorageNames.ImportsContainer)));
        services.TryAddSingleton<ImportPartWriter>();
        services.TryAddSingleton(provider => new ImportQueue(
            provider.GetRequiredService<StorageAccount>().Queues().GetQueueClient(StorageNames.ImportsQueue)));
        services.TryAddSingleton<ImportUpload>();
        services.TryAddSingleton<StartImportHandler>();
        services.TryAddSingleton<AddImportPartHandler>();
        services.TryAddSingleton<GetImportHandler>();
        services.TryAddSingleton<ListImportsHandler>();
        return services;
    }

    /// <summary>The chunk processing of the aggregate app; the rows are mapped under the same event limits as a v1 call.</summary>
    public static IServiceCollection AddOpenMetricsImportProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsImports(configuration);
        services.TryAddSingleton<OpenMetrics.Storage.Identity.UserSessions>();
        services.TryAddSingleton<ImportOverlap>();
        services.TryAddSingleton(provider => new ImportChunkProcessor(
            provider.GetRequiredService<ImportStore>(),
            provider.GetRequiredService<ImportChunks>(),
            provider.GetRequiredService<OpenMetrics.Storage.Aggregation.IngestProcessor>(),
            provider.GetRequiredService<ImportOverlap>(),
            provider.GetRequiredService<IngestLimits>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new ImportQueueHandler(
            provider.GetRequiredService<ImportChunkProcessor>(),
            provider.GetRequiredService<StorageAccount>().Queues().GetQueueClient(StorageNames.ImportsPoisonQueue),
            provider.GetService<ILogger<ImportQueueHandler>>() ?? NullLogger<ImportQueueHandler>.Instance));
        return services;
    }
}
