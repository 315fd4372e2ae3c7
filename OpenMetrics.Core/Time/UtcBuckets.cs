using System.Globalization;

namespace OpenMetrics.Core.Time;

/// <summary>
/// The UTC time buckets pre-aggregates are kept in, and their keys. Minutes and hours let a query in any whole-hour
/// (or, with minutes, any) time zone add buckets up exactly; days serve UTC queries fast. Weeks begin on Monday.
/// </summary>
public static class UtcBuckets
{
    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Month(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string Hour(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>The Monday (UTC) that starts the week of <paramref name="time"/>.</summary>
    public static DateTime WeekStart(DateTimeOffset time)
    {
        var day = time.UtcDateTime.Date;
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }

    /// <summary>Row-key prefixes of the buckets inside a day partition: <c>d</c>, <c>hHH</c>, <c>mHHmm</c>.</summary>
    public static string DayLevel => "d";

    public static string HourLevel(DateTimeOffset time) => "h" + time.UtcDateTime.ToString("HH", CultureInfo.InvariantCulture);

    public static string MinuteLevel(DateTimeOffset time) => "m" + time.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture);
}
