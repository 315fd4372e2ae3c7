using System.Globalization;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query;

/// <summary>Reading the query-string arguments of the GET routes, each mistake a <see cref="QueryException"/> naming its argument.</summary>
public static class QueryStringArguments
{
    /// <summary>The argument's text, or null when it is absent or empty.</summary>
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } text ? text : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static int WholeNumber(HttpRequest request, string name, int fallback, int min, int max)
    {
        if (Text(request, name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new QueryException($"'{name}' must be a whole number from {min} to {max}.", name);
        }

        return number;
    }

    public static bool Bool(HttpRequest request, string name, bool fallback) => Text(request, name) switch
    {
        null => fallback,
        var text when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
        var text when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new QueryException($"'{name}' must be true or false.", name),
    };
}
