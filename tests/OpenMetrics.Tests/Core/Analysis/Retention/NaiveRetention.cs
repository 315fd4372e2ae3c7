using OpenMetrics.Core.Analysis.Retention;

namespace OpenMetrics.Tests.Core.Analysis.Retention;

/// <summary>
/// The retention table of docs/semantics.md computed the obvious way, for the random tests to compare the engine with:
/// every event's period is found by converting it to the zone's wall clock and counting calendar days, Monday weeks
/// or months from the range's first one, with no period boundaries computed at all.
/// </summary>
internal static class NaiveRetention
{
    public static (int Size, int[] Values)[] Table(RandomRetention query, bool unbounded)
    {
        var cohorts = PeriodNumber(query, query.To.AddTicks(-1)) + 1;
        var table = Enumerable.Range(0, cohorts).Select(_ => (Size: 0, Values: new int[query.Periods])).ToArray();
        for (var user = 0; user < query.Users.Length; user++)
        {
            var events = query.Users[user].Select(e => (e.Kind, Time: query.At(e.HalfHour))).ToArray();
            var returns = events.Where(e => RandomRetention.IsReturn(e.Kind)).Select(e => PeriodNumber(query, e.Time)).ToHashSet();
            var starts = events.Where(e => RandomRetention.IsStart(e.Kind)).Select(e => e.Time).ToList();
            IEnumerable<DateTimeOffset> cohortStarts;
            if (query.Type == RetentionType.First)
            {
                var first = starts.Concat(query.FirstStartHalfHours[user] is { } h ? [query.At(h)] : []).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                cohortStarts = [first];
            }
            else
            {
                cohortStarts = starts;
            }

            foreach (var cohort in cohortStarts.Where(t => t >= query.From && t < query.To).Select(t => PeriodNumber(query, t)).Distinct())
            {
                table[cohort].Size++;
                table[cohort].Values[0]++;
                var last = Enumerable.Range(1, query.Periods - 1).Where(k => returns.Contains(cohort + k)).DefaultIfEmpty(0).Max();
                for (var k = 1; k < query.Periods; k++)
                {
                    table[cohort].Values[k] += (unbounded ? k <= last : returns.Contains(cohort + k)) ? 1 : 0;
                }
            }
        }

        return table;
    }

    /// <summary>How many periods after the one holding the range's start the instant's period is.</summary>
    private static int PeriodNumber(RandomRetention query, DateTimeOffset instant)
    {
        var zone = query.TimeZone;
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.From, zone).DateTime);
        return query.Period switch
        {
            RetentionPeriod.Day => local.DayNumber - first.DayNumber,
            RetentionPeriod.Week => (Monday(local) - Monday(first)) / 7,
            _ => (local.Year * 12) + local.Month - ((first.Year * 12) + first.Month),
        };
    }

    private static int Monday(DateOnly date) => date.DayNumber - (((int)date.DayOfWeek + 6) % 7);
}
