namespace OpenMetrics.Core.Metrics;

/// <summary>Why a metric point cannot be stored: the field of the point it is in (<c>v</c>, <c>dims.plan</c>) and a plain reason.</summary>
public sealed record MetricPointProblem(string Field, string Error);
