namespace OpenMetrics.Core.Query.Saved;

/// <summary>A kind of saved thing (docs/query.md, "Saved things"): its collection name in routes and answers.</summary>
public sealed record SavedKind(string Name)
{
    public static readonly SavedKind Segments = new("segments");
    public static readonly SavedKind Funnels = new("funnels");
    public static readonly SavedKind Retentions = new("retentions");
    public static readonly SavedKind Metrics = new("metrics");
    public static readonly SavedKind Dashboards = new("dashboards");

    public static readonly IReadOnlyList<SavedKind> All = [Segments, Funnels, Retentions, Metrics, Dashboards];
}
