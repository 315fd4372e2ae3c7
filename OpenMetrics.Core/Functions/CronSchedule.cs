using NCrontab;

namespace OpenMetrics.Core.Functions;

/// <summary>
/// An NCRONTAB schedule as the Functions timer trigger reads it: six fields, <c>second minute hour day month
/// day-of-week</c>, in UTC, parsed by NCrontab, the library the timer trigger itself parses with, so that the local host
/// fires exactly when Azure would. Five-field expressions (no seconds) are refused: every schedule here has six.
/// </summary>
public sealed class CronSchedule
{
    /// <summary>Long enough for any satisfiable schedule (29 February comes round within eight years).</summary>
    private static readonly TimeSpan SearchLimit = TimeSpan.FromDays(366 * 8 + 2);

    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    /// <exception cref="FormatException">The expression is not a six-field NCRONTAB schedule.</exception>
    public static CronSchedule Parse(string expression) =>
        CrontabSchedule.TryParse(expression, SixFields) is { } schedule
            ? new CronSchedule(expression, schedule)
            : throw new FormatException($"'{expression}' is not an NCRONTAB schedule of six fields, seconds first.");

    /// <summary>The first time strictly after <paramref name="after"/> that the schedule matches, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var start = after.UtcDateTime;
        var limit = start + SearchLimit;
        var next = _schedule.GetNextOccurrence(start, limit);
        return next < limit
            ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc))
            : throw new InvalidOperationException($"'{Expression}' never matches.");
    }

    public override string ToString() => Expression;
}
