using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Alerts;
using OpenMetrics.Apps.BrowserClient;
using OpenMetrics.Apps.Dashboard;
using OpenMetrics.Apps.Imports;
using OpenMetrics.Apps.Ingest;
using OpenMetrics.Apps.Privacy;
using OpenMetrics.Apps.Query;
using OpenMetrics.Apps.Query.Alerts;
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
using OpenMetrics.Apps.Query.Sources;
using OpenMetrics.Apps.Query.Trends;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Privacy;

namespace OpenMetrics.Apps.Functions;

/// <summary>
/// The one list of every function of the three apps, and the source of their bindings: the Functions attributes use
/// the same name, route, queue and schedule constants, and each entry carries the handler its Functions class calls.
/// The local host reads this list to serve, poll and fire exactly what Azure would, calling those handlers; a test
/// holds the Worker SDK's generated functions.metadata and the [Function] attributes to it. Adding a function is one
/// entry here and one handler class (docs/adding-a-function.md).
/// </summary>
public static class FunctionCatalog
{
    /// <summary>GET and POST carry a payload; OPTIONS answers the CORS preflight of browsers.</summary>
    public static readonly IReadOnlyList<string> V1Methods = ["GET", "POST", "OPTIONS"];

    // Declared before Http: static fields initialize in the order they are written.
    private static readonly IReadOnlyList<string> SavedListMethods = ["GET", "POST"];
    private static readonly IReadOnlyList<string> SavedItemMethods = ["GET", "PUT", "DELETE"];

    public static readonly IReadOnlyList<HttpFunction> Http =
    [
        new(FunctionNames.Ping, FunctionApp.Ingest, V1Routes.Ping, V1Methods, V1(V1Call.Ping)),
        new(FunctionNames.CreateUser, FunctionApp.Ingest, V1Routes.CreateUser, V1Methods, V1(V1Call.CreateUser)),
        new(FunctionNames.Events, FunctionApp.Ingest, V1Routes.Events, V1Methods, V1(V1Call.Events)),
        new(FunctionNames.SetUserId, FunctionApp.Ingest, V1Routes.SetUserId, V1Methods, V1(V1Call.SetUserId)),
        new(FunctionNames.SetUserProps, FunctionApp.Ingest, V1Routes.SetUserProps, V1Methods, V1(V1Call.SetUserProps)),
        new(FunctionNames.SetSessionProps, FunctionApp.Ingest, V1Routes.SetSessionProps, V1Methods, V1(V1Call.SetSessionProps)),
        new(FunctionNames.ClientScript, FunctionApp.Ingest, ClientRoutes.BrowserScript, ["GET"],
            (services, request, _, _) => Task.FromResult(services.GetRequiredService<ClientScript>().Serve(request))),
        new(FunctionNames.ListPoison, FunctionApp.Aggregate, OpsRoutes.Poison, ["GET"],
            (services, _, _, cancellationToken) => services.GetRequiredService<PoisonHandlers>().ListAsync(cancellationToken)),
        new(FunctionNames.ReplayPoison, FunctionApp.Aggregate, OpsRoutes.ReplayPoison, ["POST"],
            (services, _, _, cancellationToken) => services.GetRequiredService<PoisonHandlers>().ReplayAsync(cancellationToken)),
        new(FunctionNames.DiscardPoison, FunctionApp.Aggregate, OpsRoutes.DiscardPoison, ["DELETE"],
            (services, request, id, cancellationToken) => services.GetRequiredService<PoisonHandlers>().DiscardAsync(id!, request.Query["sha256"], cancellationToken)),
        new(FunctionNames.EvaluateAlertsNow, FunctionApp.Aggregate, OpsRoutes.EvaluateAlerts, ["POST"],
            (services, _, _, cancellationToken) => services.GetRequiredService<AlertOpsHandler>().EvaluateAsync(cancellationToken)),
        new(FunctionNames.Dashboard, FunctionApp.Query, QueryRoutes.Dashboard, ["GET"],
            (services, _, path, _) => Task.FromResult(services.GetRequiredService<DashboardFiles>().Serve(path))),
        new(FunctionNames.Trends, FunctionApp.Query, QueryRoutes.Trends, ["POST"], Query<TrendsHandler>()),
        new(FunctionNames.Funnel, FunctionApp.Query, QueryRoutes.Funnel, ["POST"], Query<FunnelHandler>()),
        new(FunctionNames.FunnelDropoff, FunctionApp.Query, QueryRoutes.FunnelDropoff, ["GET", "POST"], Query<FunnelDropoffHandler>()),
        new(FunctionNames.Retention, FunctionApp.Query, QueryRoutes.Retention, ["POST"], Query<RetentionHandler>()),
        new(FunctionNames.SearchUsers, FunctionApp.Query, QueryRoutes.Users, ["GET"], Query<SearchUsersHandler>()),
        new(FunctionNames.GetUser, FunctionApp.Query, QueryRoutes.User, ["GET"], Query<GetUserHandler>()),
        new(FunctionNames.UserEvents, FunctionApp.Query, QueryRoutes.UserEvents, ["GET"], Query<UserEventsHandler>()),
        new(FunctionNames.DeleteUser, FunctionApp.Query, QueryRoutes.User, ["DELETE"], Query<DeleteUserHandler>()),
        new(FunctionNames.ExportUser, FunctionApp.Query, QueryRoutes.UserExport, ["GET"], Query<ExportUserHandler>()),
        new(FunctionNames.Live, FunctionApp.Query, QueryRoutes.Live, ["GET"], Query<LiveHandler>()),
        new(FunctionNames.Catalog, FunctionApp.Query, QueryRoutes.Catalog, ["GET"], Query<CatalogHandler>()),
        new(FunctionNames.OpenApi, FunctionApp.Query, QueryRoutes.OpenApi, ["GET"], Query<OpenApiDocument>()),
        new(FunctionNames.Settings, FunctionApp.Query, QueryRoutes.Settings, ["GET"], Query<SettingsHandler>()),
        new(FunctionNames.Sources, FunctionApp.Query, QueryRoutes.Sources, ["GET"], Query<SourcesHandler>()),
        new(FunctionNames.Source, FunctionApp.Query, QueryRoutes.Source, SavedItemMethods, Query<SourceHandler>()),
        new(FunctionNames.TestSource, FunctionApp.Query, QueryRoutes.TestSource, ["POST"], Query<TestSourceHandler>()),
        new(FunctionNames.RunSource, FunctionApp.Query, QueryRoutes.RunSource, ["POST"], Query<RunSourceHandler>()),
        new(FunctionNames.Alerts, FunctionApp.Query, QueryRoutes.Alerts, ["GET"], Query<AlertsHandler>()),
        new(FunctionNames.Alert, FunctionApp.Query, QueryRoutes.Alert, SavedItemMethods, Query<AlertHandler>()),
        new(FunctionNames.AlertHistory, FunctionApp.Query, QueryRoutes.AlertHistory, ["GET"], Query<AlertHistoryHandler>()),
        new(FunctionNames.AddMetricPoints, FunctionApp.Query, QueryRoutes.MetricPoints, ["POST"], Query<PushMetricPointsHandler>()),
        new(FunctionNames.MetricsQuery, FunctionApp.Query, QueryRoutes.MetricsQuery, ["POST"], Query<MetricsQueryHandler>()),
        new(FunctionNames.MetricValue, FunctionApp.Query, QueryRoutes.MetricValue, ["GET"], Query<MetricValueHandler>()),
        new(FunctionNames.Annotations, FunctionApp.Query, QueryRoutes.Annotations, ["GET", "POST"], Query<AnnotationsHandler>()),
        new(FunctionNames.DeleteAnnotation, FunctionApp.Query, QueryRoutes.Annotation, ["DELETE"], Query<DeleteAnnotationHandler>()),
        new(FunctionNames.StartImport, FunctionApp.Query, QueryRoutes.Imports, ["POST"], Query<StartImportHandler>()),
        new(FunctionNames.ListImports, FunctionApp.Query, QueryRoutes.Imports, ["GET"], Query<ListImportsHandler>()),
        new(FunctionNames.GetImport, FunctionApp.Query, QueryRoutes.Import, ["GET"], Query<GetImportHandler>()),
        new(FunctionNames.AddImportPart, FunctionApp.Query, QueryRoutes.ImportParts, ["POST"], Query<AddImportPartHandler>()),
        .. SavedCollections,
    ];

    /// <summary>CRUD of saved things (docs/query.md, "Saved things"): a list route (GET, POST) and an item route (GET, PUT, DELETE) per kind.</summary>
    public static IReadOnlyList<HttpFunction> SavedCollections =>
    [
        new(FunctionNames.Segments, FunctionApp.Query, QueryRoutes.Segments, SavedListMethods, SavedList(SavedKind.Segments)),
        new(FunctionNames.Segment, FunctionApp.Query, QueryRoutes.Segment, SavedItemMethods, SavedItem(SavedKind.Segments)),
        new(FunctionNames.Funnels, FunctionApp.Query, QueryRoutes.Funnels, SavedListMethods, SavedList(SavedKind.Funnels)),
        new(FunctionNames.FunnelItem, FunctionApp.Query, QueryRoutes.FunnelItem, SavedItemMethods, SavedItem(SavedKind.Funnels)),
        new(FunctionNames.Retentions, FunctionApp.Query, QueryRoutes.Retentions, SavedListMethods, SavedList(SavedKind.Retentions)),
        new(FunctionNames.RetentionItem, FunctionApp.Query, QueryRoutes.RetentionItem, SavedItemMethods, SavedItem(SavedKind.Retentions)),
        new(FunctionNames.Metrics, FunctionApp.Query, QueryRoutes.Metrics, SavedListMethods, SavedList(SavedKind.Metrics)),
        new(FunctionNames.Metric, FunctionApp.Query, QueryRoutes.Metric, SavedItemMethods, SavedItem(SavedKind.Metrics)),
        new(FunctionNames.Dashboards, FunctionApp.Query, QueryRoutes.Dashboards, SavedListMethods, SavedList(SavedKind.Dashboards)),
        new(FunctionNames.DashboardItem, FunctionApp.Query, QueryRoutes.DashboardItem, SavedItemMethods, SavedItem(SavedKind.Dashboards)),
    ];

    /// <summary>
    /// Turns accepted calls into tables. Batches of 16 with the next fetched at 8 still running (the runtime's own
    /// defaults on one core); five tries, ten seconds apart, ride out a storage hiccup before a message is poison.
    /// An idle queue is polled every 2 s at most, not the runtime's default minute, so that live figures move within
    /// seconds of a call; that is about 1.3 million cheap queue transactions a month per instance.
    /// </summary>
    public static readonly QueueFunction ProcessIngest = new(
        FunctionNames.ProcessIngest, FunctionApp.Aggregate, StorageNames.IngestQueue,
        BatchSize: 16, NewBatchThreshold: 8, MaxDequeueCount: 5,
        VisibilityTimeout: TimeSpan.FromSeconds(10), MaxPollingInterval: TimeSpan.FromSeconds(2),
        Handle: (services, body, messageId, dequeueCount, cancellationToken) =>
            services.GetRequiredService<IngestQueueHandler>().HandleAsync(body, messageId, dequeueCount, cancellationToken));

    /// <summary>
    /// Processes one chunk of an import (a few thousand rows) through the same processor. The delivery rules are the
    /// ingest queue's: host.json holds one set for the app.
    /// </summary>
    public static readonly QueueFunction ProcessImportChunk = ProcessIngest with
    {
        Name = FunctionNames.ProcessImportChunk,
        Queue = StorageNames.ImportsQueue,
        Handle = (services, body, messageId, dequeueCount, cancellationToken) =>
            services.GetRequiredService<ImportQueueHandler>().HandleAsync(body, messageId, dequeueCount, cancellationToken),
    };

    public static readonly IReadOnlyList<QueueFunction> Queues = [ProcessIngest, ProcessImportChunk];

    public static readonly IReadOnlyList<TimerFunction> Timers =
    [
        new(FunctionNames.CompactAggregates, FunctionApp.Aggregate, Schedules.Compaction,
            (services, cancellationToken) => services.GetRequiredService<AggregateCompactor>().CompactAsync(cancellationToken)),
        new(FunctionNames.SnapshotRecent, FunctionApp.Aggregate, Schedules.SnapshotRecent,
            (services, cancellationToken) => services.GetRequiredService<SnapshotRefresher>().RefreshRecentAsync(cancellationToken)),
        new(FunctionNames.SnapshotFull, FunctionApp.Aggregate, Schedules.SnapshotFull,
            (services, cancellationToken) => services.GetRequiredService<SnapshotRefresher>().RefreshAllAsync(cancellationToken)),
        new(FunctionNames.DataRetention, FunctionApp.Aggregate, Schedules.DataRetention,
            (services, cancellationToken) => services.GetRequiredService<DataRetention>().RunAsync(cancellationToken)),
        new(FunctionNames.RunDueSources, FunctionApp.Aggregate, Schedules.Sources,
            (services, cancellationToken) => services.GetRequiredService<SourceRunner>().RunDueAsync(cancellationToken)),
        new(FunctionNames.EvaluateAlerts, FunctionApp.Aggregate, Schedules.Alerts,
            (services, cancellationToken) => services.GetRequiredService<AlertEvaluator>().EvaluateDueAsync(cancellationToken)),
    ];

    /// <summary>A v1 call: <see cref="IngestService"/> checks and queues it.</summary>
    private static HttpHandler V1(V1Call call) =>
        (services, request, _, cancellationToken) => services.GetRequiredService<IngestService>().HandleAsync(call, request, cancellationToken);

    /// <summary>A query-app function: <see cref="QueryEndpoints"/> checks the key, then its handler answers.</summary>
    private static HttpHandler Query<THandler>()
        where THandler : class, IQueryHandler =>
        (services, request, id, cancellationToken) => services.GetRequiredService<QueryEndpoints>().HandleAsync<THandler>(request, id, cancellationToken);

    private static HttpHandler SavedList(SavedKind kind) =>
        (services, request, _, cancellationToken) => services.GetRequiredService<QueryEndpoints>()
            .HandleAsync(services.GetRequiredService<SavedItemHandlers>().List(kind), request, null, cancellationToken);

    private static HttpHandler SavedItem(SavedKind kind) =>
        (services, request, id, cancellationToken) => services.GetRequiredService<QueryEndpoints>()
            .HandleAsync(services.GetRequiredService<SavedItemHandlers>().Item(kind), request, id, cancellationToken);
}
