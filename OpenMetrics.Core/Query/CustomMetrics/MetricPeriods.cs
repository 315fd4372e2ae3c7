using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.CustomMetrics;

/// <summary>
/// The period a metric's value is compared with: the same length on the zone's wall clock, just before the range, so
/// that "the last 30 days" is compared with the 30 days before them even across a DST change. A range still in
/// progress is compared with as much of the previous period as has passed of it: the first 10 days of a month with
/// the first 10 of the month before, never a partial period with a whole one (in whole hours elapsed).
/// </summary>
public static class MetricPeriods
{
    public static MetricWindow Previous(MetricWindow current, DateTimeOffset now)
    {
        var from = Local(current.From, current.Zone);
        var length = Local(current.To, current.Zone) - from;
        var previousFrom = ZonedTime.Start(from - length, current.Zone);
        if (current.To <= now)
        {
            return current with { From = previousFrom, To = current.From };
        }

        // Whole hours elapsed: the pre-aggregates answer whole hours (a cut at 12:34:56 would send the previous period
        // to the raw events, and a long range past their limit). A range not begun yet, or begun within the hour, is
        // compared with the first minute of the previous one, so that both windows stay valid queries.
        var elapsed = TimeSpan.FromHours(Math.Floor((now - current.From).TotalHours));
        if (elapsed <= TimeSpan.Zero)
        {
            elapsed = TimeSpan.FromMinutes(1);
        }

        return current with { From = previousFrom, To = ZonedTime.Start(from - length + elapsed, current.Zone) };
    }

    /// <summary>The change from <paramref name="previous"/> to <paramref name="value"/> in percent; null when either is unknown or the previous is 0.</summary>
    public static double? ChangePct(double? value, double? previous) =>
        value is { } v && previous is { } p && p != 0 ? (v - p) / Math.Abs(p) * 100 : null;

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => ZonedTime.InZone(instant, zone).DateTime;
}
