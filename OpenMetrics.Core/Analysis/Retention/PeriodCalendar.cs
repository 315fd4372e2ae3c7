using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Analysis.Retention;

/// <summary>
/// The consecutive calendar periods of a retention table as instants: period i is <c>[start i, start i + 1)</c>. The
/// first <see cref="Cohorts"/> periods are those that hold some instant of <c>[from, to)</c>; after them come enough
/// periods for the last cohort's returns. Each boundary is a local midnight turned into an instant by
/// <see cref="ZonedTime.Start"/>, one local date after the other, so a DST day is simply 23 or 25 hours long and no
/// day is ever doubled or lost; a half-hour zone's days start at :30 UTC the same way.
/// </summary>
internal sealed class PeriodCalendar
{
    private readonly long[] _starts;

    public PeriodCalendar(DateTimeOffset from, DateTimeOffset to, int periodsAfterLastCohort, RetentionPeriod period, TimeZoneInfo zone)
    {
        var local = ZonedTime.InZone(from, zone).DateTime.Date;
        var date = period switch
        {
            RetentionPeriod.Week => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            RetentionPeriod.Month => new DateTime(local.Year, local.Month, 1),
            _ => local,
        };
        var labels = new List<DateTimeOffset>();
        var cohorts = -1;
        while (cohorts < 0 || labels.Count <= cohorts + periodsAfterLastCohort)
        {
            var start = ZonedTime.Start(date, zone);
            if (cohorts < 0 && start >= to)
            {
                cohorts = labels.Count;
                continue;
            }

            labels.Add(ZonedTime.InZone(start, zone));
            date = period switch
            {
                RetentionPeriod.Week => date.AddDays(7),
                RetentionPeriod.Month => date.AddMonths(1),
                _ => date.AddDays(1),
            };
        }

        Cohorts = cohorts;
        Labels = [.. labels];
        _starts = [.. labels.Select(label => label.UtcTicks)];
    }

    /// <summary>How many periods hold some of <c>[from, to)</c>: the table's cohorts.</summary>
    public int Cohorts { get; }

    /// <summary>How many periods there are, cohorts and the periods after them.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The start of each period (and, last, the end of the last one), with the zone's offset at that instant.</summary>
    public DateTimeOffset[] Labels { get; }

    public long StartTicks(int period) => _starts[period];

    /// <summary>The period holding the instant; -1 before the first, <see cref="Count"/> from the end of the last on.</summary>
    public int IndexOf(long ticks)
    {
        var index = Array.BinarySearch(_starts, ticks);
        return index >= 0 ? index : ~index - 1;
    }
}
