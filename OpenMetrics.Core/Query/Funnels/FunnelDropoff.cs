using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.Funnels;

/// <summary>
/// The users who reached a step and not the next one, taken from a funnel answer (docs/query.md
/// <c>/api/query/funnel/dropoff</c>): the exact count, the first <c>dropoffLimit</c> user ids, and the answer's meta.
/// </summary>
public static class FunnelDropoff
{
    /// <summary>The arguments that pick the list; the rest of the request is the funnel query itself.</summary>
    public static readonly IReadOnlyList<string> Arguments = ["step", "breakdownValue"];

    public static JsonObject Pick(JsonObject answer, int step, string? breakdownValue)
    {
        var steps = StepsOf(answer, breakdownValue);
        if (step < 0 || step >= steps.Count)
        {
            throw new QueryException($"'step' is a step's index from 0 to {steps.Count - 1}.", "step");
        }

        var picked = steps[step]!.AsObject();
        var users = picked["droppedOffUsers"]!.AsArray();
        var count = (int)picked["droppedOff"]!;
        return new JsonObject
        {
            ["step"] = step,
            ["event"] = picked["event"]!.DeepClone(),
            ["breakdownValue"] = breakdownValue,
            ["droppedOff"] = count,
            ["users"] = users.DeepClone(),
            ["complete"] = users.Count == count,
            ["meta"] = answer["meta"]?.DeepClone(),
        };
    }

    private static JsonArray StepsOf(JsonObject answer, string? breakdownValue)
    {
        if (breakdownValue is null)
        {
            return answer["steps"]!.AsArray();
        }

        var group = (answer["breakdowns"] as JsonArray)?.FirstOrDefault(b => (string?)b!["breakdownValue"] == breakdownValue)
            ?? throw new QueryException($"The funnel has no breakdown value '{breakdownValue}'.", "breakdownValue", 404);
        return group["steps"]!.AsArray();
    }
}
