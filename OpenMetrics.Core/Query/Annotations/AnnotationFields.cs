using System.Globalization;
using System.Text.Json;

namespace OpenMetrics.Core.Query.Annotations;

/// <summary>Reads what a client sends for annotations, each mistake a 400 naming its field.</summary>
public static class AnnotationFields
{
    /// <summary>The body of <c>POST /api/annotations</c>: <c>t</c> (required), <c>text</c>, <c>scope</c> (default <c>project</c>).</summary>
    public static (DateTimeOffset T, string Text, string Scope) Parse(JsonElement body)
    {
        var t = Instant(QueryFields.Text(body, "t", "t", required: true)!, "t");
        var text = QueryFields.Text(body, "text", "text", required: true)!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > AnnotationLimits.MaxTextLength)
        {
            throw new QueryException($"'text' must be 1 to {AnnotationLimits.MaxTextLength} characters, not only spaces.", "text");
        }

        var scope = QueryFields.Text(body, "scope", "scope") ?? AnnotationScope.Project;
        return (t, text, Scope(scope, "scope"));
    }

    /// <summary>A scope as sent in a body or a query string.</summary>
    public static string Scope(string scope, string field) =>
        AnnotationScope.IsValid(scope)
            ? scope
            : throw new QueryException(
                $"'{field}' must be '{AnnotationScope.Project}' or '{AnnotationScope.DashboardPrefix}ID' with an id of 1 to {AnnotationScope.MaxDashboardIdLength} letters, digits, '-' or '_'.",
                field);

    /// <summary>An ISO-8601 instant with its offset (<c>2026-12-02T15:00:00Z</c>, <c>…+01:00</c>): a mark is a moment, not a wall-clock time.</summary>
    public static DateTimeOffset Instant(string text, string field)
    {
        var timePart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var time = timePart < 0 ? "" : text[timePart..];
        var hasOffset = time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.ToUniversalTime();
        }

        throw new QueryException($"'{field}' must be an ISO-8601 instant with its offset, such as 2026-12-02T15:00:00Z.", field);
    }
}
