using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>One bucket of a trend: its start as the query's zone writes it, and the instants it covers inside the range.</summary>
/// <param name="Start">The bucket's calendar start, with the zone's offset at that instant (docs/query.md: <c>t</c>).</param>
/// <param name="From">The first instant counted: the start, or the range's start for a first bucket cut by it.</param>
/// <param name="To">The end (exclusive): the next bucket's start, or the range's end for a last bucket cut by it.</param>
public readonly record struct LocalBucket(DateTimeOffset Start, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// The buckets of a range in a time zone (docs/semantics.md, "Time"): minutes, hours, days, weeks from Monday and months
/// begin where the zone's clock says, DST days are 23 or 25 hours long, half-hour zones start hours at :30 UTC. Buckets
/// are aligned to the calendar; the first and last are cut to <c>[from, to)</c>, and labelled with their calendar start.
/// </summary>
public static class LocalBuckets
{
    public static List<LocalBucket> Of(DateTimeOffset from, DateTimeOffset to, TrendInterval interval, TimeZoneInfo zone)
    {
        if (interval == TrendInterval.Total)
        {
            return [new LocalBucket(ZonedTime.InZone(from, zone), from, to)];
        }

        var buckets = new List<LocalBucket>();
        var start = StartOf(from, interval, zone);
        while (start < to)
        {
            var next = Next(start, interval, zone);
            buckets.Add(new LocalBucket(ZonedTime.InZone(start, zone), start < from ? from : start, next > to ? to : next));
            start = next;
        }

        return buckets;
    }

    /// <summary>How many buckets a range has, without listing them (to refuse a range too large for its interval).</summary>
    public static double Estimate(DateTimeOffset from, DateTimeOffset to, TrendInterval interval) => interval switch
    {
        TrendInterval.Minute => (to - from).TotalMinutes,
        TrendInterval.Hour => (to - from).TotalHours,
        TrendInterval.Day => (to - from).TotalDays,
        TrendInterval.Week => (to - from).TotalDays / 7,
        TrendInterval.Month => (to - from).TotalDays / 28,
        _ => 1,
    };

    /// <summary>The start of the bucket that holds <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant, TrendInterval interval, TimeZoneInfo zone)
    {
        var local = ZonedTime.InZone(instant, zone);
        return interval switch
        {
            // Every zone's offset is whole minutes, so a minute starts at the same instant everywhere.
            TrendInterval.Minute => new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero),
            // The hour on the wall clock, at the offset in force now (in a repeated hour, this occurrence of it).
            TrendInterval.Hour => new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset),
            TrendInterval.Day => ZonedTime.Start(local.Date, zone),
            TrendInterval.Week => ZonedTime.Start(local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)), zone),
            TrendInterval.Month => ZonedTime.Start(new DateTime(local.Year, local.Month, 1), zone),
            _ => instant,
        };
    }

    private static DateTimeOffset Next(DateTimeOffset start, TrendInterval interval, TimeZoneInfo zone)
    {
        var local = ZonedTime.InZone(start, zone);
        return interval switch
        {
            TrendInterval.Minute => start.AddMinutes(1),
            // Hours are counted on the UTC line, so the repeated hour of a fall-back day is two buckets and the
            // skipped hour of a spring-forward day none.
            TrendInterval.Hour => StartOf(start.AddHours(1), TrendInterval.Hour, zone) is var next && next > start ? next : start.AddHours(1),
            TrendInterval.Day => ZonedTime.Start(local.Date.AddDays(1), zone),
            TrendInterval.Week => ZonedTime.Start(local.Date.AddDays(7), zone),
            TrendInterval.Month => ZonedTime.Start(new DateTime(local.Year, local.Month, 1).AddMonths(1), zone),
            _ => start,
        };
    }
}
