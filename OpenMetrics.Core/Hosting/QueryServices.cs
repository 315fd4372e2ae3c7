using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Identity;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Access;
using OpenMetrics.Core.Query.Catalog;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Live;
using OpenMetrics.Core.Query.OpenApi;
using OpenMetrics.Core.Query.People;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Segments;
using OpenMetrics.Core.Query.Settings;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Hosting;

/// <summary>What the query app needs, registered once for the Functions app and the local host alike.</summary>
public static class QueryServices
{
    public static IServiceCollection AddOpenMetricsQuery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsAnalysis(configuration);
        var signIn = new SignInOptions();
        configuration.GetSection(SignInOptions.Section).Bind(signIn);
        services.TryAddSingleton(provider => new QueryAccess(configuration[QueryKey.Setting], signIn, provider.GetRequiredService<ILogger<QueryAccess>>()));

        services.TryAddSingleton(provider => new PreaggregateCounts(
            Table(provider, StorageNames.AggregatesTable), Table(provider, StorageNames.RollupsDailyTable), Table(provider, StorageNames.RollupsHourlyTable),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPreaggregateReader>(provider => provider.GetRequiredService<PreaggregateCounts>());
        services.TryAddSingleton<TrendsQueryParser>();
        services.TryAddSingleton<PreaggregateTrends>();
        services.TryAddSingleton<RawTrends>();
        services.TryAddSingleton<TrendsHandler>();
        services.AddSingleton<IQueryHandler>(provider => provider.GetRequiredService<TrendsHandler>());
        services.TryAddSingleton<SavedItemsApi>();

        // Funnels and retention: answered from snapshots and cached ad-hoc answers.
        services.TryAddSingleton<FunnelHandler>();
        services.AddSingleton<IQueryHandler>(provider => provider.GetRequiredService<FunnelHandler>());
        services.TryAddSingleton<RetentionHandler>();
        services.AddSingleton<IQueryHandler>(provider => provider.GetRequiredService<RetentionHandler>());
        services.TryAddSingleton<QueryEndpoints>();

        // People: search, profiles and timelines.
        services.TryAddSingleton<UserDirectory>();
        services.TryAddSingleton<UserLookup>();
        services.TryAddSingleton<UserSessions>();
        services.TryAddSingleton<UserProfiles>();
        services.TryAddSingleton<UserTimeline>();
        services.TryAddSingleton(provider => new SessionEventPages(Table(provider, StorageNames.SessionEventsTable)));
        services.TryAddSingleton<ISessionEventReader>(provider => provider.GetRequiredService<SessionEventPages>());
        services.AddSingleton<IQueryHandler, PeopleApi>();

        // A user's rights: delete and export.
        services.AddOpenMetricsPrivacy(configuration);
        services.AddSingleton<IQueryHandler, PrivacyApi>();

        // Live: per minute, active users and the newest events.
        services.TryAddSingleton(provider => new MinuteCounts(Table(provider, StorageNames.AggregatesTable)));
        services.TryAddSingleton(provider => new RecentEvents(Table(provider, StorageNames.EventsTable)));
        services.TryAddSingleton<IMinuteCounts>(provider => provider.GetRequiredService<MinuteCounts>());
        services.TryAddSingleton<IRecentEvents>(provider => provider.GetRequiredService<RecentEvents>());
        services.TryAddSingleton<LiveView>();
        services.AddSingleton<IQueryHandler, LiveApi>();

        // Catalog: event names, counts, property keys and values, kept in memory for 30 s.
        services.TryAddSingleton(provider => new CatalogReader(Table(provider, StorageNames.AggregatesTable)));
        services.TryAddSingleton<ICatalogSource>(provider => provider.GetRequiredService<CatalogReader>());
        services.TryAddSingleton<EventCatalog>();
        services.AddSingleton<IQueryHandler, CatalogApi>();

        services.AddSingleton<IQueryHandler, OpenApiDocument>();
        services.AddSingleton<IQueryHandler, SettingsApi>();
        return services;
    }

    private static TableClient Table(IServiceProvider provider, string name) => provider.GetRequiredService<AggregationTables>().Get(name);
}
