using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.Metrics;

/// <summary>A validated <c>POST /api/query/metrics</c>: one imported metric over <c>[From, To)</c> in buckets of the zone.</summary>
public sealed record MetricsQuery(MetricSeries Series, string Label, TrendInterval Interval, DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone);
