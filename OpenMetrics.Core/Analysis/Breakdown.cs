using System.Text.Json;

namespace OpenMetrics.Core.Analysis;

/// <summary>Split a funnel by the values of one property: the top <paramref name="Limit"/> values, the rest as <c>$other</c>.</summary>
public sealed record Breakdown(string Prop, PropertyScope On = PropertyScope.Event, int Limit = 10)
{
    /// <summary>
    /// The one name of the group of values not shown on their own: a funnel's values past the top <see cref="Limit"/>, a
    /// trend's breakdown values past its limit, and the pre-aggregates' values past their caps.
    /// </summary>
    public const string Other = "$other";

    /// <summary>The property's value as text, read from the event's, user's or session's properties; null when not set.</summary>
    public string? ValueIn(JsonElement? eventProps, JsonElement? userProps, JsonElement? sessionProps)
    {
        var props = On switch
        {
            PropertyScope.User => userProps,
            PropertyScope.Session => sessionProps,
            _ => eventProps,
        };
        return props is { ValueKind: JsonValueKind.Object } bag && bag.TryGetProperty(Prop, out var value)
            ? PropertyFilter.Text(value)
            : null;
    }
}
