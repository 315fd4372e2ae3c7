using OpenMetrics.Core.Functions;

namespace OpenMetrics.Core.Query.Saved;

/// <summary>A kind of saved thing (docs/query.md, "Saved things"): its collection name in routes and answers, and its two functions.</summary>
public sealed record SavedKind(string Name, string ListFunction, string ItemFunction)
{
    public static readonly SavedKind Segments = new("segments", QueryFunctionNames.Segments, QueryFunctionNames.Segment);
    public static readonly SavedKind Funnels = new("funnels", QueryFunctionNames.Funnels, QueryFunctionNames.FunnelItem);
    public static readonly SavedKind Retentions = new("retentions", QueryFunctionNames.Retentions, QueryFunctionNames.RetentionItem);
    public static readonly SavedKind Metrics = new("metrics", QueryFunctionNames.Metrics, QueryFunctionNames.Metric);
    public static readonly SavedKind Dashboards = new("dashboards", QueryFunctionNames.Dashboards, QueryFunctionNames.DashboardItem);

    public static readonly IReadOnlyList<SavedKind> All = [Segments, Funnels, Retentions, Metrics, Dashboards];

    public static SavedKind? ByFunction(string functionName) =>
        All.FirstOrDefault(kind => kind.ListFunction == functionName || kind.ItemFunction == functionName);
}
