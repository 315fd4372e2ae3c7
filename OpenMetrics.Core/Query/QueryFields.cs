using System.Globalization;
using System.Text.Json;

namespace OpenMetrics.Core.Query;

/// <summary>Reading the fields of a query object, each mistake a <see cref="QueryException"/> that names its field.</summary>
public static class QueryFields
{
    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? Text(JsonElement parent, string name, string path, bool required = false)
    {
        switch (Optional(parent, name))
        {
            case null when required:
                throw new QueryException($"'{name}' is required.", path);
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } value when value.GetString() is { Length: > 0 } text:
                return text;
            default:
                throw new QueryException($"'{name}' must be a non-empty string.", path);
        }
    }

    public static int WholeNumber(JsonElement parent, string name, string path, int fallback, int min, int max)
    {
        if (Optional(parent, name) is not { } value)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw new QueryException($"'{name}' must be a whole number from {min} to {max}.", path);
        }

        return number;
    }

    public static bool Bool(JsonElement parent, string name, string path, bool fallback) => Optional(parent, name) switch
    {
        null => fallback,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new QueryException($"'{name}' must be true or false.", path),
    };

    public static IEnumerable<(JsonElement Item, string Path)> Array(JsonElement parent, string name, string path)
    {
        switch (Optional(parent, name))
        {
            case null:
                yield break;
            case { ValueKind: JsonValueKind.Array } array:
                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    yield return (item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]");
                    index++;
                }

                break;
            default:
                throw new QueryException($"'{name}' must be an array.", path);
        }
    }

    /// <summary>A lower-case keyword from a fixed set, such as a measure or an interval.</summary>
    public static T Enum<T>(JsonElement parent, string name, string path, T fallback)
        where T : struct, System.Enum
    {
        if (Text(parent, name, path) is not { } text)
        {
            return fallback;
        }

        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<T>().Select(v => v.ToString().ToLowerInvariant()));
        throw new QueryException($"Unknown {name} '{text}'; use one of: {allowed}.", path);
    }

    public static TimeZoneInfo Zone(JsonElement parent, string name, string path)
    {
        var id = Text(parent, name, path) ?? "UTC";
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new QueryException($"Unknown time zone '{id}'; use an IANA name such as Europe/Berlin.", path);
        }
    }

    /// <summary>
    /// A time: a date (<c>2026-11-01</c>, midnight in the zone), a wall-clock time in the zone (<c>2026-11-01T09:30</c>),
    /// or an instant with its offset (<c>…Z</c>, <c>…+05:30</c>).
    /// </summary>
    public static DateTimeOffset Time(JsonElement parent, string name, string path, TimeZoneInfo zone)
    {
        var text = Text(parent, name, path, required: true)!;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(text))
        {
            return instant;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Core.Time.ZonedTime.Start(local, zone);
        }

        throw new QueryException($"'{name}' is not a date or time: use 2026-11-01, 2026-11-01T09:30 or 2026-11-01T09:30:00Z.", path);
    }

    private static bool HasOffset(string text)
    {
        var timePart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timePart < 0)
        {
            return false;
        }

        var time = text[timePart..];
        return time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+', StringComparison.Ordinal) || time.LastIndexOf('-') > 0;
    }
}
