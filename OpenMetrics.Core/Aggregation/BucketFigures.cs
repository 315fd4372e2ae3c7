using System.Text.Json;
using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Aggregation;

/// <summary>
/// The pre-aggregated figures of one event in one time bucket: how many times it happened, count/sum/min/max of
/// each numeric property, and counts per value of its low-cardinality properties (capped, see <see cref="AggregateLimits"/>).
/// </summary>
public sealed class BucketFigures
{
    public BucketFigures()
    {
    }

    /// <summary>Figures read back from storage start from their stored count.</summary>
    public BucketFigures(long count) => Count = count;

    public long Count { get; private set; }

    public Dictionary<string, NumericStats> Numeric { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, long>> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts one event with its props (a JSON object or null).</summary>
    public void AddEvent(JsonElement? props)
    {
        Count++;
        if (props is not { ValueKind: JsonValueKind.Object } objectProps)
        {
            return;
        }

        foreach (var property in objectProps.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                Numeric[property.Name] = Numeric.TryGetValue(property.Name, out var stats) ? stats.Add(NumericStats.Of(number)) : NumericStats.Of(number);
            }

            if (ValueText(property.Value) is { } text)
            {
                AddValue(property.Name, text, 1);
            }
        }
    }

    public void Add(BucketFigures other)
    {
        Count += other.Count;
        foreach (var (name, stats) in other.Numeric)
        {
            Numeric[name] = Numeric.TryGetValue(name, out var existing) ? existing.Add(stats) : stats;
        }

        foreach (var (name, values) in other.Values)
        {
            foreach (var (value, count) in values)
            {
                AddValue(name, value, count);
            }
        }
    }

    private void AddValue(string prop, string value, long count)
    {
        if (!Values.TryGetValue(prop, out var counts))
        {
            if (Values.Count >= AggregateLimits.MaxTrackedProps)
            {
                return;
            }

            counts = new Dictionary<string, long>(StringComparer.Ordinal);
            Values[prop] = counts;
        }

        var key = counts.ContainsKey(value) || (value.Length <= AggregateLimits.MaxValueLength && counts.Count < AggregateLimits.MaxValuesPerProp)
            ? value
            : Breakdown.Other;
        counts[key] = counts.GetValueOrDefault(key) + count;
    }

    /// <summary>Strings, numbers and booleans are counted by value; objects, arrays and null are not.</summary>
    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
