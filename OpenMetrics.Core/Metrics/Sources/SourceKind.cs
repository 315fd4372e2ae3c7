namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>Where a metric source's points come from (docs/imports.md, "Metric sources").</summary>
public enum SourceKind
{
    /// <summary>The Azure Monitor metrics REST API: one metric of one Azure resource.</summary>
    AzureMonitor,

    /// <summary>The Log Analytics query REST API: a KQL query over a workspace.</summary>
    LogAnalytics,

    /// <summary>Any JSON answer of a URL, with JSON paths to the points' times and values.</summary>
    Http,

    /// <summary>Never pulled: points arrive through <c>POST /api/metrics/points</c>.</summary>
    Push,
}

/// <summary>The kinds as the API spells them.</summary>
public static class SourceKinds
{
    public static string Name(SourceKind kind) => kind switch
    {
        SourceKind.AzureMonitor => "azureMonitor",
        SourceKind.LogAnalytics => "logAnalytics",
        SourceKind.Http => "http",
        _ => "push",
    };

    public static SourceKind? Parse(string? name) => name switch
    {
        "azureMonitor" => SourceKind.AzureMonitor,
        "logAnalytics" => SourceKind.LogAnalytics,
        "http" => SourceKind.Http,
        "push" => SourceKind.Push,
        _ => null,
    };
}
