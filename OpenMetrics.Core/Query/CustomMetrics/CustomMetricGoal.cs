using System.Text.Json.Serialization;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>A metric's target: <see cref="Value"/> in the metric's unit (a fraction for percent), better when above or below it.</summary>
public sealed record CustomMetricGoal(double Value, GoalDirection Direction);

/// <summary>Written as the metric is saved: <c>above</c> or <c>below</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalDirection>))]
public enum GoalDirection
{
    [JsonStringEnumMemberName("above")]
    Above,

    [JsonStringEnumMemberName("below")]
    Below,
}
