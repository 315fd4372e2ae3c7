namespace OpenMetrics.Core.Functions;

/// <summary>
/// The name of every function of the three apps, as in <c>[Function(Name)]</c> (an attribute needs a constant) and in
/// <see cref="FunctionCatalog"/>; functions.metadata and Application Insights show these names.
/// </summary>
public static class FunctionNames
{
    // The ingest app: the six v1 calls (named as V1Call) and the browser client script.
    public const string Ping = "Ping";
    public const string CreateUser = "CreateUser";
    public const string Events = "Events";
    public const string SetUserId = "SetUserId";
    public const string SetUserProps = "SetUserProps";
    public const string SetSessionProps = "SetSessionProps";
    public const string ClientScript = "ClientScript";

    // The aggregate app: the ingest queue, the timers and the poison routes.
    public const string ProcessIngest = "ProcessIngest";
    public const string ProcessImportChunk = "ProcessImportChunk";
    public const string CompactAggregates = "CompactAggregates";
    public const string SnapshotRecent = "RefreshRecentSnapshots";
    public const string SnapshotFull = "RefreshAllSnapshots";
    public const string DataRetention = "ApplyDataRetention";
    public const string RunDueSources = "RunDueSources";
    public const string EvaluateAlerts = "EvaluateAlerts";
    public const string EvaluateAlertsNow = "EvaluateAlertsNow";
    public const string ListPoison = "ListPoison";
    public const string ReplayPoison = "ReplayPoison";
    public const string DiscardPoison = "DiscardPoison";

    // The query app.
    public const string Dashboard = "Dashboard";
    public const string Trends = "QueryTrends";
    public const string StartImport = "StartImport";
    public const string AddImportPart = "AddImportPart";
    public const string GetImport = "GetImport";
    public const string ListImports = "ListImports";
    public const string Settings = "QuerySettings";

    public const string Funnel = "QueryFunnel";
    public const string FunnelDropoff = "QueryFunnelDropoff";
    public const string Retention = "QueryRetention";
    public const string SearchUsers = "SearchUsers";
    public const string GetUser = "GetUser";
    public const string UserEvents = "UserEvents";
    public const string DeleteUser = "DeleteUser";
    public const string ExportUser = "ExportUser";
    public const string Live = "Live";
    public const string Catalog = "Catalog";
    public const string OpenApi = "OpenApi";

    /// <summary>Sorts before <see cref="Metric"/>: a Functions host that tries routes in name order tries this literal route first.</summary>
    public const string AddMetricPoints = "AddMetricPoints";
    public const string MetricsQuery = "QueryMetrics";

    public const string Segments = "Segments";
    public const string Segment = "Segment";
    public const string Funnels = "Funnels";
    public const string FunnelItem = "FunnelItem";
    public const string Retentions = "Retentions";
    public const string RetentionItem = "RetentionItem";
    public const string Metrics = "Metrics";
    public const string Metric = "Metric";
    public const string MetricValue = "MetricValue";
    public const string Dashboards = "Dashboards";
    public const string DashboardItem = "DashboardItem";

    // The query app: annotations (docs/metrics-alerts.md, "Annotations").
    public const string Annotations = "Annotations";
    public const string DeleteAnnotation = "DeleteAnnotation";

    // The query app: metric sources (docs/imports.md, "Metric sources").
    public const string Sources = "Sources";
    public const string Source = "Source";
    public const string TestSource = "TestSource";
    public const string RunSource = "RunSource";

    // The query app: alerts (docs/metrics-alerts.md, "Alerts").
    public const string Alerts = "Alerts";
    public const string Alert = "Alert";
    public const string AlertHistory = "AlertHistory";
}
