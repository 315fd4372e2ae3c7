using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Identity;

/// <summary>
/// User and session properties where, per key, the write the client sent later wins, not the one processed last
/// (a redelivered or late message must not overwrite a newer value). Each key keeps the time of its write
/// (the call's receive time, in ticks) in a sibling JSON object.
/// </summary>
public sealed class LatestWriteWins
{
    private readonly JsonObject _values;
    private readonly JsonObject _times;

    private LatestWriteWins(JsonObject values, JsonObject times)
    {
        _values = values;
        _times = times;
    }

    public static LatestWriteWins Parse(string? values, string? times) => new(
        values is null ? [] : JsonNode.Parse(values)!.AsObject(),
        times is null ? [] : JsonNode.Parse(times)!.AsObject());

    public string ValuesJson => _values.ToJsonString(StoredJson.NodeOptions);

    public string TimesJson => _times.ToJsonString(StoredJson.NodeOptions);

    public IReadOnlyDictionary<string, JsonNode?> Values => _values.ToDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>Sets every key of <paramref name="props"/> written at <paramref name="ticks"/>, unless a later write holds it.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Apply(JsonElement props, long ticks)
    {
        var changed = false;
        foreach (var property in props.EnumerateObject())
        {
            changed |= Set(property.Name, JsonNode.Parse(property.Value.GetRawText()), ticks);
        }

        return changed;
    }

    /// <summary>Takes in another user's properties (a merge): per key, the later write wins.</summary>
    public bool Merge(LatestWriteWins other)
    {
        var changed = false;
        foreach (var (key, value) in other._values)
        {
            changed |= Set(key, value?.DeepClone(), other._times[key]?.GetValue<long>() ?? 0);
        }

        return changed;
    }

    private bool Set(string key, JsonNode? value, long ticks)
    {
        if (_times[key]?.GetValue<long>() is { } existing && existing > ticks)
        {
            return false;
        }

        if (_times.ContainsKey(key) && _times[key]!.GetValue<long>() == ticks && JsonNode.DeepEquals(_values[key], value))
        {
            return false;
        }

        _values[key] = value;
        _times[key] = ticks;
        return true;
    }
}
