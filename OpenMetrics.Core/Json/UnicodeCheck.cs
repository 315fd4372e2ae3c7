using System.Text.Json;

namespace OpenMetrics.Core.Json;

/// <summary>
/// Finds text in a parsed JSON value that is not valid Unicode: a lone surrogate escape (<c>"\ud800"</c>) or bytes
/// that are not UTF-8 inside a string. The parser lets both through, and System.Text.Json throws only later, when
/// such a string is read or written (storage, queue messages, answers). Every payload is checked here once, right
/// after parsing, so that the client is told which field is wrong instead of getting a 500.
/// </summary>
public static class UnicodeCheck
{
    /// <summary>The reason, naming the field, when a string or key under <paramref name="value"/> is not valid Unicode; else null.</summary>
    /// <param name="except">A property of this object whose value is left to be checked elsewhere (its key is still checked).</param>
    public static (string Field, string Error)? Find(JsonElement value, string path, string? except = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(value.GetString) ? null : (path, $"{path} is not valid Unicode (a lone surrogate or bytes that are not UTF-8)");
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (!IsValid(() => property.Name))
                    {
                        return (path, $"{Describe(path)} has a key that is not valid Unicode (a lone surrogate or bytes that are not UTF-8)");
                    }

                    if (!(except is not null && property.NameEquals(except)) && Find(property.Value, Join(path, property.Name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(string path) => path.Length == 0 ? "the payload" : path;

    /// <summary>Reading the text transcodes it, which throws on invalid UTF-8 and on a lone escaped surrogate.</summary>
    private static bool IsValid(Func<string?> read)
    {
        string? text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return text is null || IsWellFormed(text);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
