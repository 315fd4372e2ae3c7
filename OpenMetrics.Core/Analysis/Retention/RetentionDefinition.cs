namespace OpenMetrics.Core.Analysis.Retention;

/// <summary>
/// A retention query (docs/semantics.md "Retention", docs/query.md <c>POST /api/query/retention</c>). Cohorts are the calendar
/// periods that hold a start event in <c>[From, To)</c>, labelled by the period's start; each has
/// <see cref="Periods"/> values, period 0 (the cohort's own, whose value is its size) to period N - 1.
/// </summary>
/// <param name="StartEvent">What puts a user in a cohort; null for any active event.</param>
/// <param name="ReturnEvent">What counts as coming back; null for any active event.</param>
public sealed record RetentionDefinition(DateTimeOffset From, DateTimeOffset To, EventPredicate? StartEvent = null, EventPredicate? ReturnEvent = null)
{
    public RetentionPeriod Period { get; init; } = RetentionPeriod.Day;

    /// <summary>N: how many values each cohort has, period 0 included.</summary>
    public int Periods { get; init; } = 7;

    public RetentionType Type { get; init; } = RetentionType.First;

    /// <summary>Value k counts users who returned in period k or later (up to the cohort's last period, N - 1).</summary>
    public bool Unbounded { get; init; }

    /// <summary>Where days, weeks and months begin (from <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> with an IANA id).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
