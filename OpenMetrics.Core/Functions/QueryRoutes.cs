namespace OpenMetrics.Core.Functions;

/// <summary>
/// Routes of the query app (docs/query.md). Its route prefix is empty so that the dashboard can live at <c>/</c>; every
/// API route therefore spells out its <c>api/</c>. A route's one parameter is always <c>{id}</c>, so that both hosts
/// hand it to the same handler the same way.
/// </summary>
public static class QueryRoutes
{
    /// <summary>The dashboard's static files; a catch-all, so more specific <c>api/...</c> routes win.</summary>
    public const string Dashboard = "{*path}";

    public const string Trends = "api/query/trends";
    public const string Settings = "api/settings";

    public const string Funnel = "api/query/funnel";
    public const string FunnelDropoff = "api/query/funnel/dropoff";
    public const string Retention = "api/query/retention";
    public const string Users = "api/users";
    public const string User = "api/users/{id}";
    public const string UserEvents = "api/users/{id}/events";
    public const string UserExport = "api/users/{id}/export";
    public const string Live = "api/live";
    public const string Catalog = "api/catalog";
    public const string OpenApi = "api/openapi.json";

    public const string Imports = "api/imports";
    public const string Import = "api/imports/{id}";
    public const string ImportParts = "api/imports/{id}/parts";

    public const string Segments = "api/segments";
    public const string Segment = "api/segments/{id}";
    public const string Funnels = "api/funnels";
    public const string FunnelItem = "api/funnels/{id}";
    public const string Retentions = "api/retentions";
    public const string RetentionItem = "api/retentions/{id}";
    public const string Metrics = "api/metrics";
    public const string Metric = "api/metrics/{id}";
    public const string MetricValue = "api/metrics/{id}/value";

    /// <summary>
    /// Pushed metric points. A literal beside <see cref="Metric"/>'s <c>{id}</c>: both hosts try the literal first
    /// (ASP.NET Core's precedence; the Functions host's route order), and only this route takes POST there, so a POST
    /// here never saves a metric called "points" (tests/…/Core/Functions/RoutePrecedenceTests).
    /// </summary>
    public const string MetricPoints = "api/metrics/points";
    public const string MetricsQuery = "api/query/metrics";

    public const string Dashboards = "api/dashboards";
    public const string DashboardItem = "api/dashboards/{id}";

    public const string Alerts = "api/alerts";
    public const string Alert = "api/alerts/{id}";
    public const string AlertHistory = "api/alerts/{id}/history";
    public const string Annotations = "api/annotations";
    public const string Annotation = "api/annotations/{id}";

    public const string Sources = "api/sources";
    public const string Source = "api/sources/{id}";
    public const string TestSource = "api/sources/{id}/test";
    public const string RunSource = "api/sources/{id}/run";
}
