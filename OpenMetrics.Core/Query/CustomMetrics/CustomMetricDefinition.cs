using System.Text.Json;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// A checked custom metric (docs/metrics-alerts.md): what it measures (<see cref="Kind"/> and the view's
/// <see cref="Query"/>, without dates), how its number is written and what it aims at.
/// </summary>
/// <param name="Query">The query body as the view sends it, without range, zone or interval: a value request supplies them.</param>
/// <param name="FromStep">For a funnel conversion: the step whose users are the base (0 is the first).</param>
/// <param name="ToStep">For a funnel conversion: the step whose users converted (the last by default).</param>
/// <param name="Period">For a retention: the period N whose rate is the value (7 with daily periods is day-7 retention).</param>
/// <param name="View">What a value request without <c>range</c>, <c>interval</c> or <c>tz</c> shows, and what the snapshot timers keep fresh.</param>
public sealed record CustomMetricDefinition(
    string Title,
    string? Description,
    string Unit,
    CustomMetricKind Kind,
    JsonElement Query,
    int FromStep,
    int ToStep,
    int Period,
    CustomMetricGoal? Goal,
    CustomMetricDefaults View);

/// <summary>A metric's default view: the <c>range</c> (relative, as queries write it), the interval and the zone.</summary>
public sealed record CustomMetricDefaults(string Range, string Interval, string Tz)
{
    public static readonly CustomMetricDefaults Standard = new("30d", "day", "UTC");
}
