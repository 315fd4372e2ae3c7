namespace OpenMetrics.Core.Functions;

/// <summary>The function names of the query app's API, as in <c>[Function(Name)]</c>, the catalog and the dispatch.</summary>
public static class QueryFunctionNames
{
    public const string Trends = "QueryTrends";
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

    public const string Segments = "Segments";
    public const string Segment = "Segment";
    public const string Funnels = "Funnels";
    public const string FunnelItem = "FunnelItem";
    public const string Retentions = "Retentions";
    public const string RetentionItem = "RetentionItem";
    public const string Metrics = "Metrics";
    public const string Metric = "Metric";
    public const string Dashboards = "Dashboards";
    public const string DashboardItem = "DashboardItem";
}
