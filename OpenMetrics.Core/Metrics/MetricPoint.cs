namespace OpenMetrics.Core.Metrics;

/// <summary>
/// One value of an imported (premade) metric: stored once per metric, dimensions and time, so a rerun or an
/// overlapping pull rewrites the same point instead of adding it twice (docs/imports.md).
/// </summary>
/// <param name="Metric">The name the points are stored and queried under.</param>
/// <param name="Dims">Dimension values (e.g. plan=pro); empty for a metric without dimensions.</param>
/// <param name="T">The start of the point's interval, UTC.</param>
/// <param name="V">A finite value.</param>
public sealed record MetricPoint(string Metric, IReadOnlyDictionary<string, string> Dims, DateTimeOffset T, double V);
