using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenMetrics.Core.Query.Funnels;

/// <summary>
/// The conversion window as docs/query.md writes it: an ISO-8601 duration of weeks, days, hours, minutes and seconds
/// (<c>P14D</c>, <c>PT1H</c>, <c>P1DT12H</c>). Years and months are refused: their length depends on the date.
/// </summary>
public static partial class FunnelWindow
{
    public static TimeSpan Parse(string text, int maxDays, string path)
    {
        var match = Duration().Match(text);
        if (!match.Success || text is "P" or "PT")
        {
            throw new QueryException("'window' is an ISO-8601 duration in weeks, days, hours, minutes or seconds, such as P14D or PT1H.", path);
        }

        double Part(int group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var window = TimeSpan.FromDays((Part(1) * 7) + Part(2)) + TimeSpan.FromHours(Part(3)) + TimeSpan.FromMinutes(Part(4)) + TimeSpan.FromSeconds(Part(5));
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(maxDays))
        {
            throw new QueryException($"'window' must be longer than zero and at most {maxDays} days.", path);
        }

        return window;
    }

    [GeneratedRegex(@"^P(?:(\d{1,5})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?(?:(\d{1,9})S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
