using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenMetrics.Apps.Query.Trends;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.CustomMetrics;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Segments;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Query.Streams;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Query.Metrics;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// What reads the tables to answer questions, without the query API's door: the query app needs it for its handlers,
/// the aggregate app for the snapshot timers. Registered with TryAdd, so one process (the local host) may host both.
/// </summary>
public static class AnalysisServices
{
    public static IServiceCollection AddOpenMetricsAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        // The stores aggregation writes, here only read.
        services.AddOpenMetricsStores(configuration);

        var limits = new QueryLimits();
        configuration.GetSection(QueryLimits.Section).Bind(limits);
        services.TryAddSingleton(limits);
        services.TryAddSingleton(provider => new RawEventScanner(provider.Table(StorageNames.EventsTable), limits));
        services.TryAddSingleton<IEventReader>(provider => provider.GetRequiredService<RawEventScanner>());
        services.TryAddSingleton(provider => new PreaggregateUsers(provider.Table(StorageNames.MembersTable)));
        services.TryAddSingleton<IUserSetReader>(provider => provider.GetRequiredService<PreaggregateUsers>());
        services.TryAddSingleton<IIdentityReader>(provider => new IdentityLookups(provider.Table(StorageNames.IdentityTable)));
        services.TryAddSingleton<QuerySources>();
        services.TryAddSingleton(provider => new SavedItemStore(provider.Table(StorageNames.SavedTable)));
        services.TryAddSingleton<ISavedItems>(provider => provider.GetRequiredService<SavedItemStore>());
        services.TryAddSingleton<SegmentResolver>();

        // Saved definitions are checked by their parsers before they are stored.
        services.TryAddSingleton<FunnelQueryParser>();
        services.TryAddSingleton<RetentionQueryParser>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISavedDefinitionCheck, SegmentParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISavedDefinitionCheck, FunnelQueryParser>(provider => provider.GetRequiredService<FunnelQueryParser>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISavedDefinitionCheck, RetentionQueryParser>(provider => provider.GetRequiredService<RetentionQueryParser>()));

        // Funnels and retention over per-user streams of raw events, kept as snapshots.
        services.TryAddSingleton<UserStreamReader>();
        services.TryAddSingleton<FirstStartLookup>();
        services.TryAddSingleton<FunnelAnalysis>();
        services.TryAddSingleton<RetentionAnalysis>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISnapshotAnalysis, FunnelAnalysis>(provider => provider.GetRequiredService<FunnelAnalysis>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISnapshotAnalysis, RetentionAnalysis>(provider => provider.GetRequiredService<RetentionAnalysis>()));
        var snapshots = new SnapshotOptions();
        configuration.GetSection(SnapshotOptions.Section).Bind(snapshots);
        services.TryAddSingleton(snapshots);
        services.TryAddSingleton(provider => new SnapshotStore(provider.Table(StorageNames.SnapshotsTable)));
        services.TryAddSingleton<ISnapshotStore>(provider => provider.GetRequiredService<SnapshotStore>());
        services.TryAddSingleton<SnapshotAnswers>();
        services.TryAddSingleton<SnapshotRefresher>();

        // Trends, from the pre-aggregates when they can answer, and the custom metrics and alerts built on them.
        services.TryAddSingleton(provider => new PreaggregateCounts(
            provider.Table(StorageNames.AggregatesTable), provider.Table(StorageNames.RollupsDailyTable), provider.Table(StorageNames.RollupsHourlyTable),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPreaggregateReader>(provider => provider.GetRequiredService<PreaggregateCounts>());
        services.TryAddSingleton<TrendsQueryParser>();
        services.TryAddSingleton<PreaggregateTrends>();
        services.TryAddSingleton<RawTrends>();
        services.TryAddSingleton<MetricTrends>();
        services.TryAddSingleton<TrendsHandler>();
        services.TryAddSingleton<ITrendsAnswers>(provider => provider.GetRequiredService<TrendsHandler>());
        services.TryAddSingleton<CustomMetricParser>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISavedDefinitionCheck, CustomMetricParser>(provider => provider.GetRequiredService<CustomMetricParser>()));
        services.TryAddSingleton<TrendMetricValues>();
        services.TryAddSingleton<FunnelConversionValues>();
        services.TryAddSingleton<RetentionMetricValues>();
        services.TryAddSingleton<ICustomMetricValues, CustomMetricValues>();
        services.TryAddSingleton<CustomMetricSnapshots>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISnapshotAnalysis, CustomMetricSnapshots>(provider => provider.GetRequiredService<CustomMetricSnapshots>()));
        return services;
    }
}
