namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// A metric source as defined through <c>PUT /api/sources/{id}</c>: what to pull, when, and the metric its points are
/// stored under. Exactly one of the kind's settings is set (none for <see cref="SourceKind.Push"/>).
/// </summary>
/// <param name="Metric">The name the points are stored and queried under (default: the source id).</param>
/// <param name="Schedule">When the timer runs it, NCRONTAB with seconds.</param>
/// <param name="BackfillDays">How far back the first run reaches; later runs start from the last point.</param>
/// <param name="CreatedAt">When it was first defined; kept by a later PUT.</param>
/// <param name="Premade">Defined by the deployment (a setting), not by a user.</param>
public sealed record MetricSource(
    string Id,
    SourceKind Kind,
    string Metric,
    string Schedule,
    int BackfillDays,
    DateTimeOffset CreatedAt,
    AzureMonitorPull? AzureMonitor = null,
    LogAnalyticsPull? LogAnalytics = null,
    HttpPull? Http = null,
    bool Premade = false)
{
    /// <summary>
    /// How far before the last point a later run starts again: Azure Monitor's interval (a bucket still filling is
    /// pulled again), an hour for Log Analytics (its ingestion lags by minutes), nothing for HTTP (the URL answers what it answers).
    /// </summary>
    public TimeSpan Overlap => Kind switch
    {
        SourceKind.AzureMonitor => AzureMonitor!.Interval,
        SourceKind.LogAnalytics => TimeSpan.FromHours(1),
        _ => TimeSpan.Zero,
    };
}

/// <summary>One metric of one Azure resource, as the metrics REST API serves it.</summary>
/// <param name="MetricName">Azure Monitor's name of the metric (<c>metricnames</c>), such as <c>requests/count</c>.</param>
/// <param name="Aggregation">Total, Average, Maximum, Minimum or Count.</param>
/// <param name="IntervalText">The ISO 8601 duration sent as <c>interval</c>.</param>
/// <param name="Filter">An OData <c>$filter</c> on dimensions, such as <c>StatusCode eq '*'</c>; each dimension value becomes a dim.</param>
public sealed record AzureMonitorPull(string ResourceId, string MetricName, string Aggregation, string IntervalText, TimeSpan Interval, string? Filter);

/// <summary>A KQL query over a Log Analytics workspace.</summary>
/// <param name="WorkspaceId">The workspace's id (a GUID, "Workspace ID" in the portal), not its resource id.</param>
public sealed record LogAnalyticsPull(string WorkspaceId, string Query);

/// <summary>A URL whose JSON answer holds the points.</summary>
/// <param name="TimePath">JSON path to the points' times, such as <c>$.data[*].date</c>.</param>
/// <param name="ValuePath">JSON path to their values, in the same order, such as <c>$.data[*].revenue</c>.</param>
public sealed record HttpPull(Uri Url, string Method, IReadOnlyList<HttpPullHeader> Headers, string TimePath, string ValuePath);

/// <summary>
/// A header of an HTTP pull: a plain value, or the name of a secret (<see cref="Secret"/>) the app reads from its
/// settings at fetch time (a Key Vault reference in Azure), so a secret is never stored in a table.
/// </summary>
public sealed record HttpPullHeader(string Name, string? Value, string? Secret);
