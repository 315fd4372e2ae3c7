using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Functions;

/// <summary>
/// The one list of every function of the three apps. The Functions attributes use the same route, queue and
/// schedule constants; the local host reads this list to serve and poll exactly what Azure would, and a test
/// holds the Worker SDK's generated functions.metadata to it.
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
        new("Ping", FunctionApp.Ingest, V1Routes.Ping, V1Methods),
        new("CreateUser", FunctionApp.Ingest, V1Routes.CreateUser, V1Methods),
        new("Events", FunctionApp.Ingest, V1Routes.Events, V1Methods),
        new("SetUserId", FunctionApp.Ingest, V1Routes.SetUserId, V1Methods),
        new("SetUserProps", FunctionApp.Ingest, V1Routes.SetUserProps, V1Methods),
        new("SetSessionProps", FunctionApp.Ingest, V1Routes.SetSessionProps, V1Methods),
        new(ClientRoutes.BrowserScriptFunction, FunctionApp.Ingest, ClientRoutes.BrowserScript, ["GET"]),
        new("ListPoison", FunctionApp.Aggregate, OpsRoutes.Poison, ["GET"]),
        new("ReplayPoison", FunctionApp.Aggregate, OpsRoutes.ReplayPoison, ["POST"]),
        new("DiscardPoison", FunctionApp.Aggregate, OpsRoutes.DiscardPoison, ["DELETE"]),
        new("Dashboard", FunctionApp.Query, QueryRoutes.Dashboard, ["GET"]),
        new(QueryFunctionNames.Trends, FunctionApp.Query, QueryRoutes.Trends, ["POST"]),
        new(QueryFunctionNames.Funnel, FunctionApp.Query, QueryRoutes.Funnel, ["POST"]),
        new(QueryFunctionNames.FunnelDropoff, FunctionApp.Query, QueryRoutes.FunnelDropoff, ["GET", "POST"]),
        new(QueryFunctionNames.Retention, FunctionApp.Query, QueryRoutes.Retention, ["POST"]),
        new(QueryFunctionNames.SearchUsers, FunctionApp.Query, QueryRoutes.Users, ["GET"]),
        new(QueryFunctionNames.GetUser, FunctionApp.Query, QueryRoutes.User, ["GET"]),
        new(QueryFunctionNames.UserEvents, FunctionApp.Query, QueryRoutes.UserEvents, ["GET"]),
        new(QueryFunctionNames.DeleteUser, FunctionApp.Query, QueryRoutes.User, ["DELETE"]),
        new(QueryFunctionNames.ExportUser, FunctionApp.Query, QueryRoutes.UserExport, ["GET"]),
        new(QueryFunctionNames.Live, FunctionApp.Query, QueryRoutes.Live, ["GET"]),
        new(QueryFunctionNames.Catalog, FunctionApp.Query, QueryRoutes.Catalog, ["GET"]),
        new(QueryFunctionNames.OpenApi, FunctionApp.Query, QueryRoutes.OpenApi, ["GET"]),
        new(QueryFunctionNames.Settings, FunctionApp.Query, QueryRoutes.Settings, ["GET"]),
        .. SavedCollections,
    ];

    /// <summary>CRUD of saved things (QUERY.md, "Saved things"): a list route (GET, POST) and an item route (GET, PUT, DELETE) per kind.</summary>
    public static IReadOnlyList<HttpFunction> SavedCollections =>
    [
        new(QueryFunctionNames.Segments, FunctionApp.Query, QueryRoutes.Segments, SavedListMethods),
        new(QueryFunctionNames.Segment, FunctionApp.Query, QueryRoutes.Segment, SavedItemMethods),
        new(QueryFunctionNames.Funnels, FunctionApp.Query, QueryRoutes.Funnels, SavedListMethods),
        new(QueryFunctionNames.FunnelItem, FunctionApp.Query, QueryRoutes.FunnelItem, SavedItemMethods),
        new(QueryFunctionNames.Retentions, FunctionApp.Query, QueryRoutes.Retentions, SavedListMethods),
        new(QueryFunctionNames.RetentionItem, FunctionApp.Query, QueryRoutes.RetentionItem, SavedItemMethods),
        new(QueryFunctionNames.Metrics, FunctionApp.Query, QueryRoutes.Metrics, SavedListMethods),
        new(QueryFunctionNames.Metric, FunctionApp.Query, QueryRoutes.Metric, SavedItemMethods),
        new(QueryFunctionNames.Dashboards, FunctionApp.Query, QueryRoutes.Dashboards, SavedListMethods),
        new(QueryFunctionNames.DashboardItem, FunctionApp.Query, QueryRoutes.DashboardItem, SavedItemMethods),
    ];

    /// <summary>
    /// Turns accepted calls into tables. Batches of 16 with the next fetched at 8 still running (the runtime's own
    /// defaults on one core); five tries, ten seconds apart, ride out a storage hiccup before a message is poison.
    /// An idle queue is polled every 2 s at most, not the runtime's default minute, so that live figures move within
    /// seconds of a call; that is about 1.3 million cheap queue transactions a month per instance.
    /// </summary>
    public static readonly QueueFunction ProcessIngest = new(
        "ProcessIngest", FunctionApp.Aggregate, StorageNames.IngestQueue,
        BatchSize: 16, NewBatchThreshold: 8, MaxDequeueCount: 5,
        VisibilityTimeout: TimeSpan.FromSeconds(10), MaxPollingInterval: TimeSpan.FromSeconds(2));

    public static readonly IReadOnlyList<QueueFunction> Queues = [ProcessIngest];

    public const string SnapshotRecentFunction = "RefreshRecentSnapshots";

    public const string SnapshotFullFunction = "RefreshAllSnapshots";

    public const string DataRetentionFunction = "ApplyDataRetention";

    public static readonly IReadOnlyList<TimerFunction> Timers =
    [
        new("CompactAggregates", FunctionApp.Aggregate, Schedules.Compaction),
        new(SnapshotRecentFunction, FunctionApp.Aggregate, Schedules.SnapshotRecent),
        new(SnapshotFullFunction, FunctionApp.Aggregate, Schedules.SnapshotFull),
        new(DataRetentionFunction, FunctionApp.Aggregate, Schedules.DataRetention),
    ];

    /// <summary>The v1 call an ingest function answers, by its function name; null for the ingest app's other functions.</summary>
    public static V1Call? V1CallOf(HttpFunction function) =>
        function.App == FunctionApp.Ingest && Enum.TryParse<V1Call>(function.Name, out var call) ? call : null;
}
