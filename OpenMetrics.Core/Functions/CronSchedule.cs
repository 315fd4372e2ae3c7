using System.Globalization;

namespace OpenMetrics.Core.Functions;

/// <summary>
/// An NCRONTAB schedule as the Functions timer trigger reads it: six fields, <c>second minute hour day month
/// day-of-week</c>, in UTC. Each field is <c>*</c>, a number, a range <c>a-b</c>, any of those with a step
/// <c>/n</c>, or a comma list of them. The local host needs it to fire timers where the runtime is absent; names
/// (<c>MON</c>, <c>JAN</c>) and restricting both day fields at once are refused rather than guessed.
/// </summary>
public sealed class CronSchedule
{
    /// <summary>Long enough for any satisfiable schedule (29 February comes round within eight years).</summary>
    private static readonly TimeSpan SearchLimit = TimeSpan.FromDays(366 * 8 + 2);

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _weekdays;

    private CronSchedule(string expression, string[] fields)
    {
        Expression = expression;
        _seconds = Field(fields[0], 0, 59, "second");
        _minutes = Field(fields[1], 0, 59, "minute");
        _hours = Field(fields[2], 0, 23, "hour");
        _days = Field(fields[3], 1, 31, "day");
        _months = Field(fields[4], 1, 12, "month");
        _weekdays = Field(fields[5], 0, 6, "day-of-week");
        if (fields[3] != "*" && fields[5] != "*")
        {
            throw new FormatException($"'{expression}' restricts both the day and the day of week, which this reader does not support.");
        }
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException($"'{expression}' has {fields.Length} fields; an NCRONTAB schedule has six, seconds first.");
        }

        return new CronSchedule(expression, fields);
    }

    /// <summary>The first time strictly after <paramref name="after"/> that the schedule matches, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var time = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var limit = time + SearchLimit;
        while (time < limit)
        {
            if (!_months[time.Month])
            {
                time = new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            }
            else if (!_days[time.Day] || !_weekdays[(int)time.DayOfWeek])
            {
                time = time.Date.AddDays(1);
            }
            else if (!_hours[time.Hour])
            {
                time = time.Date.AddHours(time.Hour + 1);
            }
            else if (!_minutes[time.Minute])
            {
                time = time.Date.AddHours(time.Hour).AddMinutes(time.Minute + 1);
            }
            else if (!_seconds[time.Second])
            {
                time = time.AddSeconds(1);
            }
            else
            {
                return new DateTimeOffset(time);
            }
        }

        throw new InvalidOperationException($"'{Expression}' never matches.");
    }

    public override string ToString() => Expression;

    private static bool[] Field(string text, int min, int max, string name)
    {
        var allowed = new bool[max + 1];
        foreach (var part in text.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] => (r, Number(s, 1, max, name)),
                _ => throw new FormatException($"The {name} field '{text}' has more than one step."),
            };
            var (from, to) = range switch
            {
                "*" => (min, max),
                _ when range.Split('-') is [var a, var b] => (Number(a, min, max, name), Number(b, min, max, name)),
                _ => (Number(range, min, max, name), step == 1 ? Number(range, min, max, name) : max),
            };
            if (from > to)
            {
                throw new FormatException($"The {name} range '{range}' runs backwards.");
            }

            for (var value = from; value <= to; value += step)
            {
                allowed[value] = true;
            }
        }

        return allowed;
    }

    private static int Number(string text, int min, int max, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"The {name} field holds '{text}'; it takes whole numbers from {min} to {max}.");
}
