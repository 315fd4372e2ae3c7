using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Privacy;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Access;
using OpenMetrics.Apps.Query.Annotations;
using OpenMetrics.Apps.Query.Catalog;
using OpenMetrics.Apps.Query.CustomMetrics;
using OpenMetrics.Apps.Query.Funnels;
using OpenMetrics.Apps.Query.Live;
using OpenMetrics.Apps.Query.Metrics;
using OpenMetrics.Apps.Query.OpenApi;
using OpenMetrics.Apps.Query.People;
using OpenMetrics.Apps.Query.Retention;
using OpenMetrics.Apps.Query.Saved;
using OpenMetrics.Apps.Query.Settings;
using OpenMetrics.Apps.Query.Trends;
using OpenMetrics.Core.Query.Access;
using OpenMetrics.Core.Query.Annotations;
using OpenMetrics.Core.Query.Catalog;
using OpenMetrics.Core.Query.Live;
using OpenMetrics.Core.Query.Metrics;
using OpenMetrics.Core.Query.People;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Annotations;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Storage.Query.People;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// What the query app needs, registered once for the Functions app and the local host alike; every handler that
/// <see cref="Functions.FunctionCatalog"/> names is registered by its own type.
/// </summary>
public static class QueryServices
{
    public static IServiceCollection AddOpenMetricsQuery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsAnalysis(configuration);
        var signIn = new SignInOptions();
        configuration.GetSection(SignInOptions.Section).Bind(signIn);
        services.TryAddSingleton(provider => new QueryAccess(configuration[QueryKey.Setting], signIn, provider.GetRequiredService<ILogger<QueryAccess>>()));

        services.TryAddSingleton<SavedItemHandlers>();
        services.TryAddSingleton<MetricValueHandler>();

        // Funnels and retention: answered from snapshots and cached ad-hoc answers.
        services.TryAddSingleton<FunnelHandler>();
        services.TryAddSingleton<FunnelDropoffHandler>();
        services.TryAddSingleton<RetentionHandler>();
        services.TryAddSingleton<QueryEndpoints>();

        // People: search, profiles and timelines.
        services.TryAddSingleton<UserDirectory>();
        services.TryAddSingleton<UserLookup>();
        services.TryAddSingleton<UserSessions>();
        services.TryAddSingleton<UserProfiles>();
        services.TryAddSingleton<UserTimeline>();
        services.TryAddSingleton(provider => new SessionEventPages(provider.Table(StorageNames.SessionEventsTable)));
        services.TryAddSingleton<ISessionEventReader>(provider => provider.GetRequiredService<SessionEventPages>());
        services.TryAddSingleton<SearchUsersHandler>();
        services.TryAddSingleton<GetUserHandler>();
        services.TryAddSingleton<UserEventsHandler>();

        // A user's rights: delete and export.
        services.AddOpenMetricsPrivacy(configuration);
        services.TryAddSingleton<DeleteUserHandler>();
        services.TryAddSingleton<ExportUserHandler>();

        // Live: per minute, active users and the newest events.
        services.TryAddSingleton(provider => new MinuteCounts(provider.Table(StorageNames.AggregatesTable)));
        services.TryAddSingleton(provider => new RecentEvents(provider.Table(StorageNames.EventsTable)));
        services.TryAddSingleton<IMinuteCounts>(provider => provider.GetRequiredService<MinuteCounts>());
        services.TryAddSingleton<IRecentEvents>(provider => provider.GetRequiredService<RecentEvents>());
        services.TryAddSingleton<LiveView>();
        services.TryAddSingleton<LiveHandler>();

        // Catalog: event names, counts, property keys and values, kept in memory for 30 s.
        services.TryAddSingleton(provider => new CatalogReader(provider.Table(StorageNames.AggregatesTable)));
        services.TryAddSingleton<ICatalogSource>(provider => provider.GetRequiredService<CatalogReader>());
        services.TryAddSingleton<EventCatalog>();
        services.TryAddSingleton<CatalogHandler>();

        // Imported metrics: pushed points, and their queries beside the events.
        services.TryAddSingleton<MetricsQueryParser>();
        services.TryAddSingleton<PushMetricPointsHandler>();
        services.TryAddSingleton<MetricsQueryHandler>();
        // Imports: uploads into chunk blobs, and their progress.
        services.AddOpenMetricsImports(configuration);

        // Annotations: the markers on every time chart.
        services.TryAddSingleton(provider => new AnnotationStore(provider.Table(StorageNames.AnnotationsTable)));
        services.TryAddSingleton<IAnnotationStore>(provider => provider.GetRequiredService<AnnotationStore>());
        services.TryAddSingleton<AnnotationBook>();
        services.TryAddSingleton<AnnotationsHandler>();
        services.TryAddSingleton<DeleteAnnotationHandler>();

        services.TryAddSingleton<OpenApiDocument>();
        services.TryAddSingleton<SettingsHandler>();

        // Metric sources: definitions and state; test and run pull from the query app too.
        services.AddOpenMetricsSources(configuration);

        // Alerts: definitions, state and history; POST /ops/alerts/evaluate and the timer are the aggregate app's.
        services.AddOpenMetricsAlerts(configuration);
        return services;
    }
}
