using System.Text.Json;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Ingest;

/// <summary>Holds a props object to the limits: key count, key length, string length and nesting depth.</summary>
internal static class PropsValidator
{
    /// <summary>The reason the props break a limit, or null when they are fine.</summary>
    public static string? Check(JsonElement props, IngestLimits limits, string field)
    {
        if (props.ValueKind != JsonValueKind.Object)
        {
            return $"{field} must be a JSON object, not {PayloadJson.Describe(props.ValueKind)}";
        }

        // Measured as storage receives it (escapes included), not as the client sent it: that is what must fit the entity.
        var bytes = StoredJson.SentLength(props);
        if (bytes > limits.MaxPropsJsonBytes)
        {
            return $"{field} is {bytes} bytes of JSON as stored; the limit is {limits.MaxPropsJsonBytes}";
        }

        return CheckValue(props, limits, field, depth: 1);
    }

    private static string? CheckValue(JsonElement value, IngestLimits limits, string path, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var length = value.GetString()!.Length;
                return length > limits.MaxStringValueLength
                    ? $"{path} is {length} characters long; the limit is {limits.MaxStringValueLength}"
                    : null;
            case JsonValueKind.Object:
                return CheckObject(value, limits, path, depth);
            case JsonValueKind.Array:
                return CheckArray(value, limits, path, depth);
            default:
                return null;
        }
    }

    private static string? CheckObject(JsonElement value, IngestLimits limits, string path, int depth)
    {
        if (depth > limits.MaxNestingDepth)
        {
            return $"{path} nests deeper than {limits.MaxNestingDepth} levels";
        }

        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (++count > limits.MaxPropsPerObject)
            {
                return $"{path} has more than {limits.MaxPropsPerObject} keys";
            }

            if (property.Name.Length > limits.MaxKeyLength)
            {
                return $"{path} has a key of {property.Name.Length} characters; the limit is {limits.MaxKeyLength}";
            }

            var error = CheckValue(property.Value, limits, $"{path}.{property.Name}", depth + 1);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? CheckArray(JsonElement value, IngestLimits limits, string path, int depth)
    {
        if (depth > limits.MaxNestingDepth)
        {
            return $"{path} nests deeper than {limits.MaxNestingDepth} levels";
        }

        if (value.GetArrayLength() > limits.MaxPropsPerObject)
        {
            return $"{path} has more than {limits.MaxPropsPerObject} items";
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var error = CheckValue(item, limits, $"{path}[{index++}]", depth + 1);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
