namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>A metric's target: <see cref="Value"/> in the metric's unit (a fraction for percent), better when above or below it.</summary>
public sealed record CustomMetricGoal(double Value, GoalDirection Direction);

public enum GoalDirection
{
    Above,
    Below,
}
