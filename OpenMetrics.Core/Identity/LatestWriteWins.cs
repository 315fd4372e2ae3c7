using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Identity;

/// <summary>
/// User and session properties where, per key, the write the client sent later wins, not the one processed last
/// (a redelivered or late message must not overwrite a newer value). Each key keeps the time of its write
/// (the call's receive time, in ticks) in a sibling JSON object. The bag is held to the <see cref="ProfileCap"/>:
/// a write that would take it past the cap is dropped (and listed in <see cref="Dropped"/>), the ones after it are
/// still tried, so the same writes in the same order always keep the same keys.
/// </summary>
public sealed class LatestWriteWins
{
    /// <summary>The stored size of <c>{}</c> and <c>{}</c>: the two empty objects.</summary>
    private const int EmptyBytes = 4;

    private readonly JsonObject _values;
    private readonly JsonObject _times;
    private readonly List<string> _dropped = [];
    private int _bytes;

    private LatestWriteWins(JsonObject values, JsonObject times)
    {
        _values = values;
        _times = times;
        _bytes = StoredJson.SentLength(ValuesJson) + StoredJson.SentLength(TimesJson);
    }

    public static LatestWriteWins Parse(string? values, string? times) => new(
        values is null ? [] : JsonNode.Parse(values)!.AsObject(),
        times is null ? [] : JsonNode.Parse(times)!.AsObject());

    public string ValuesJson => _values.ToJsonString(StoredJson.NodeOptions);

    public string TimesJson => _times.ToJsonString(StoredJson.NodeOptions);

    public IReadOnlyDictionary<string, JsonNode?> Values => _values.ToDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>The bytes the values and their times take as stored, as <see cref="ProfileCap.MaxBytes"/> counts them.</summary>
    public int StoredBytes => _bytes;

    /// <summary>The keys whose writes were left out since this bag was parsed, because they would break the cap.</summary>
    public IReadOnlyList<string> Dropped => _dropped;

    /// <summary>
    /// The bytes <paramref name="props"/> written at <paramref name="ticks"/> would take as the only keys of a bag:
    /// the ingest refuses a call that could not fit even an empty profile.
    /// </summary>
    public static int StoredBytesAlone(JsonElement props, long ticks)
    {
        var bytes = EmptyBytes;
        var count = 0;
        foreach (var property in props.EnumerateObject())
        {
            bytes += EntryBytes(property.Name, JsonNode.Parse(property.Value.GetRawText()), ticks) + (count++ > 0 ? 2 : 0);
        }

        return bytes;
    }

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

        var isNew = !_values.ContainsKey(key);
        var bytes = _bytes + EntryBytes(key, value, ticks) + (isNew
            ? (_values.Count > 0 ? 2 : 0)
            : -EntryBytes(key, _values[key], _times[key]?.GetValue<long>() ?? 0));
        if ((isNew && _values.Count >= ProfileCap.MaxKeys) || bytes > ProfileCap.MaxBytes)
        {
            _dropped.Add(key);
            return false;
        }

        _values[key] = value;
        _times[key] = ticks;
        _bytes = bytes;
        return true;
    }

    /// <summary>What one key adds to the stored values and times, without the commas between keys.</summary>
    private static int EntryBytes(string key, JsonNode? value, long ticks) =>
        EntryBytes(key, writer => WriteValue(writer, value)) + EntryBytes(key, writer => writer.WriteNumberValue(ticks));

    private static int EntryBytes(string key, Action<Utf8JsonWriter> writeValue)
    {
        var entry = StoredJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName(key);
            writeValue(writer);
            writer.WriteEndObject();
        });
        return StoredJson.SentLength(entry) - 2;
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
