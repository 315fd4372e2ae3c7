namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>The limits and allowed values of a source definition, shared by the parser, the docs and the dashboard's form.</summary>
public static class SourceFields
{
    /// <summary>Every 15 minutes, on the quarter hour.</summary>
    public const string DefaultSchedule = "0 */15 * * * *";

    public const int DefaultBackfillDays = 30;

    /// <summary>A year: Azure Monitor keeps platform metrics 93 days, Log Analytics two years by default at most.</summary>
    public const int MaxBackfillDays = 366;

    public const int MaxIdLength = 64;

    public const int MaxMetricLength = 128;

    public const int MaxQueryLength = 10_000;

    public const int MaxHeaders = 20;

    /// <summary>The aggregations the metrics REST API takes, spelled as it spells them.</summary>
    public static readonly IReadOnlyList<string> Aggregations = ["Total", "Average", "Maximum", "Minimum", "Count"];

    /// <summary>The time grains Azure Monitor serves metrics at, PT1M to P1D.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Intervals = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["PT1M"] = TimeSpan.FromMinutes(1),
        ["PT5M"] = TimeSpan.FromMinutes(5),
        ["PT15M"] = TimeSpan.FromMinutes(15),
        ["PT30M"] = TimeSpan.FromMinutes(30),
        ["PT1H"] = TimeSpan.FromHours(1),
        ["PT6H"] = TimeSpan.FromHours(6),
        ["PT12H"] = TimeSpan.FromHours(12),
        ["P1D"] = TimeSpan.FromDays(1),
    };

    /// <summary>
    /// Headers whose value is a credential: they must name a secret (<c>{"secret": "NAME"}</c>), so that the value
    /// never reaches a table, a log or a GET answer. Any header whose name contains key, token, secret or auth counts.
    /// </summary>
    public static bool IsCredentialHeader(string name) =>
        name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Contains("auth", StringComparison.OrdinalIgnoreCase)
        || name.Contains("key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ids and secret names go into URLs, table keys and setting names: letters, digits, '-' and '_'.</summary>
    public static bool IsName(string value, int maxLength) =>
        value.Length is > 0 && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A secret names the setting <c>OpenMetrics__Sources__Secrets__NAME</c>: Linux app settings take letters, digits and '_'.</summary>
    public static bool IsSecretName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Metric names may also hold '.', '/' and ':' (<c>service-health.requests</c>, <c>requests/count</c>).</summary>
    public static bool IsMetricName(string value) =>
        value.Length is > 0 && value.Length <= MaxMetricLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':');
}
