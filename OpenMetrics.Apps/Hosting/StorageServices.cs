using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Storage.Metrics;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// The storage account, its tables and the stores that aggregation writes and analysis reads: registered once here for
/// both, with TryAdd, so one process (the local host) may host the aggregate and the query app together.
/// </summary>
internal static class StorageServices
{
    public static IServiceCollection AddOpenMetricsStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.TryAddSingleton(provider => new AggregationTables(provider.GetRequiredService<StorageAccount>()));
        services.TryAddSingleton(provider => new IdentityStore(provider.Table(StorageNames.IdentityTable), provider.GetService<ILogger<IdentityStore>>()));
        services.TryAddSingleton(provider => new EventStore(provider.Table(StorageNames.EventsTable), provider.Table(StorageNames.SessionEventsTable)));
        services.TryAddSingleton(provider => new MemberStore(provider.Table(StorageNames.MembersTable)));
        services.TryAddSingleton(provider => new MetricPointStore(provider.Table(StorageNames.MetricPointsTable)));
        services.TryAddSingleton<IMetricPointWriter>(provider => provider.GetRequiredService<MetricPointStore>());
        services.TryAddSingleton<IMetricPointReader>(provider => provider.GetRequiredService<MetricPointStore>());
        services.TryAddSingleton<IMetricNames>(provider => provider.GetRequiredService<MetricPointStore>());
        return services;
    }

    /// <summary>The named table's client, from the one <see cref="AggregationTables"/> every registration shares.</summary>
    internal static TableClient Table(this IServiceProvider provider, string name) => provider.GetRequiredService<AggregationTables>().Get(name);
}
