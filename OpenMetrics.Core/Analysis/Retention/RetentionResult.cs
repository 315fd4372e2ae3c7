namespace OpenMetrics.Core.Analysis.Retention;

/// <summary>A retention table, as docs/query.md's answer: the cohorts and the weighted average row.</summary>
/// <param name="Average">
/// Per period k, the percentage of users who came back, weighted by cohort size, over the cohorts whose period k has
/// ended (an unfinished period is never shown as a drop); null where no cohort with users has finished period k.
/// </param>
public sealed record RetentionResult(IReadOnlyList<RetentionCohort> Cohorts, IReadOnlyList<double?> Average);

/// <summary>One row of a retention table.</summary>
/// <param name="Start">The cohort period's calendar start, with the zone's offset at that instant.</param>
/// <param name="Size">Users in the cohort; also <c>Values[0]</c>.</param>
/// <param name="Values">Users who came back in period k (or later, unbounded), for each period that has begun by now.</param>
/// <param name="Percentages">Each value as a percentage of the size (0 for an empty cohort).</param>
/// <param name="CompletePeriods">How many of the values are of periods that have ended; the values after them are still growing.</param>
public sealed record RetentionCohort(DateTimeOffset Start, int Size, IReadOnlyList<int> Values, IReadOnlyList<double> Percentages, int CompletePeriods);
