using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query;

/// <summary>
/// The <c>[from, to)</c> of every query (read through <see cref="QueryWindow"/>): either <c>from</c> and <c>to</c> as <see cref="QueryFields.Time"/>
/// reads them, or <c>range</c> relative to today in the query's zone (<c>"today"</c>, <c>"7d"</c>: the last 7 days,
/// today included), which a saved definition needs so that its snapshots move with the calendar.
/// </summary>
public static class QueryRange
{
    public const int MaxRelativeDays = 3660;

    public static (DateTimeOffset From, DateTimeOffset To) Parse(JsonElement body, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (QueryFields.Text(body, "range", "range") is { } range)
        {
            var days = Days(range);
            var today = ZonedTime.InZone(now, zone).Date;
            return (ZonedTime.Start(today.AddDays(1 - days), zone), ZonedTime.Start(today.AddDays(1), zone));
        }

        var from = QueryFields.Time(body, "from", "from", zone);
        var to = QueryFields.Time(body, "to", "to", zone);
        if (from >= to)
        {
            throw new QueryException("'from' must be before 'to' (the range is [from, to)).", "from");
        }

        return (from, to);
    }

    private static int Days(string range)
    {
        if (range == "today")
        {
            return 1;
        }

        if (range.EndsWith('d') && int.TryParse(range.AsSpan(0, range.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxRelativeDays)
        {
            return days;
        }

        throw new QueryException($"'range' is \"today\" or a number of days such as \"7d\" (at most {MaxRelativeDays}d), ending today.", "range");
    }
}
