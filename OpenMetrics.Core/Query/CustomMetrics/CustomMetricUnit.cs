using System.Text.RegularExpressions;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// How a metric's number is written (docs/metrics-alerts.md, "Units"): <c>count</c> (whole), <c>number</c> or
/// <c>number:N</c> (N decimals, 0 to 6), <c>percent</c> (the value is a fraction: 0.3 is 30 %), <c>currency:XXX</c>
/// (an ISO 4217 code) and <c>duration</c> (seconds). The value itself is never rounded; the unit is for display.
/// </summary>
public static partial class CustomMetricUnit
{
    public const string Default = "count";

    public static string Parse(string? text, string path)
    {
        if (text is null)
        {
            return Default;
        }

        if (text is "count" or "number" or "percent" or "duration" || Shape().IsMatch(text))
        {
            return text;
        }

        throw new QueryException(
            "'unit' is one of count, number, number:N (N decimals, 0 to 6), percent (a fraction: 0.3 is 30 %), currency:XXX (an ISO 4217 code such as currency:EUR) or duration (seconds).",
            path);
    }

    [GeneratedRegex("^(number:[0-6]|currency:[A-Z]{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
