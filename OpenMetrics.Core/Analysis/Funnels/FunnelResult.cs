namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// A funnel's answer: the steps over every user, and with a breakdown the same per value (docs/query.md: one result per
/// breakdown value). Each user is counted in exactly one breakdown group, so the groups add up to the steps.
/// </summary>
/// <param name="Breakdowns">Null without a breakdown; otherwise by users at step 1, most first ("not set" after the values it ties with), <c>$other</c> last.</param>
public sealed record FunnelResult(IReadOnlyList<FunnelStepResult> Steps, IReadOnlyList<FunnelBreakdownResult>? Breakdowns);

/// <param name="BreakdownValue">The value of the entry event's property; null for "not set", <c>$other</c> for the values past the limit.</param>
public sealed record FunnelBreakdownResult(string? BreakdownValue, IReadOnlyList<FunnelStepResult> Steps);
