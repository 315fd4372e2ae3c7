using OpenMetrics.Core.Analysis.Retention;

namespace OpenMetrics.Core.Query.Retention;

/// <summary>
/// The answer of <c>POST /api/query/retention</c> (docs/query.md): the cohorts (<c>values[0]</c> is the size; a period not
/// begun yet has no value; <c>completePeriods</c> says how many have ended) and the weighted average row over the
/// cohorts that finished each period (null where none has). <c>meta.source</c> and <c>computedAt</c> are added by the snapshot layer.
/// </summary>
public sealed record RetentionAnswer(IReadOnlyList<RetentionCohort> Cohorts, IReadOnlyList<double?> Average, RetentionAnswer.Info Meta)
{
    public sealed record Info(
        DateTimeOffset From, DateTimeOffset To, DateTimeOffset ReadFrom, DateTimeOffset ReadTo, string Tz, string Period, int Periods, string Type, bool Unbounded,
        long EventsRead, int UsersRead, long ElapsedMs);
}
