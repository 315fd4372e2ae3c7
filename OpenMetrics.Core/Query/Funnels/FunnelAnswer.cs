using OpenMetrics.Core.Analysis.Funnels;

namespace OpenMetrics.Core.Query.Funnels;

/// <summary>
/// The answer of <c>POST /api/query/funnel</c> (docs/query.md): the steps over every user, each with
/// <c>droppedOff</c> (exact) and <c>droppedOffUsers</c> (the first of them, up to <c>dropoffLimit</c>); with a
/// breakdown, the same per value. <c>meta.source</c> and <c>meta.computedAt</c> are added by the snapshot layer.
/// </summary>
public sealed record FunnelAnswer(IReadOnlyList<FunnelStepResult> Steps, IReadOnlyList<FunnelBreakdownResult>? Breakdowns, FunnelAnswer.Info Meta)
{
    /// <param name="ReadTo">The end of the events read: <c>to</c> plus the window, or tomorrow if that is sooner.</param>
    public sealed record Info(
        DateTimeOffset From, DateTimeOffset To, DateTimeOffset ReadTo, string Tz, double WindowSeconds, string Order, long EventsRead, int UsersRead, long ElapsedMs);
}
