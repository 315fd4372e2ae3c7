using CsCheck;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>
/// Random funnels over random users for the property tests. Times are whole hours from a fixed instant, so events
/// often share a timestamp and often land exactly on an entry's window edge. Events are named 0 to 4; steps use names
/// 0 to 3 (two steps may share one); name 4 matches no step and is the exclusion when there is one.
/// </summary>
internal sealed record RandomFunnel(int[] Steps, (int Name, int Hour)[][] Users, int WindowHours, int FromHour, int ToHour, (int From, int To)? Exclusion)
{
    public const int ExcludedName = 4;

    private static readonly DateTimeOffset Origin = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static Gen<RandomFunnel> Gen(bool exclusions) =>
        from steps in CsCheck.Gen.Int[0, 3].Array[1, 4]
        from users in CsCheck.Gen.Select(CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 120]).Array[0, 20].Array[1, 6]
        from window in CsCheck.Gen.Int[0, 48]
        from fromHour in CsCheck.Gen.Int[0, 40]
        from length in CsCheck.Gen.Int[1, 80]
        from exclusionFrom in CsCheck.Gen.Int[0, 2]
        from exclusionLength in CsCheck.Gen.Int[1, 3]
        select new RandomFunnel(
            steps,
            // A stable sort: events of the same hour stay in the order they were generated, as if sent in that order.
            [.. users.Select(u => u.OrderBy(e => e.Item2).Select(e => (e.Item1, e.Item2)).ToArray())],
            window,
            fromHour,
            fromHour + length,
            exclusions && steps.Length >= 2 ? (Math.Min(exclusionFrom, steps.Length - 2), Math.Min(exclusionFrom + exclusionLength, steps.Length - 1)) : null);

    public static long Ticks(int hour) => Origin.UtcTicks + (hour * TimeSpan.TicksPerHour);

    public FunnelDefinition Definition(FunnelOrder order, int? windowHours = null) =>
        new([.. Steps.Select(s => new FunnelStep($"n{s}"))], Origin.AddHours(FromHour), Origin.AddHours(ToHour))
        {
            Window = TimeSpan.FromHours(windowHours ?? WindowHours),
            Order = order,
            Exclusions = Exclusion is { } range ? [new FunnelExclusion($"n{ExcludedName}") { FromStep = range.From, ToStep = range.To }] : [],
        };

    /// <summary>Bit k for each step named like the event, bit <c>steps</c> for the exclusion.</summary>
    public AnalysisEvent[] Stream(int user) =>
        [.. Users[user].Select(e => new AnalysisEvent(
            Ticks(e.Hour),
            Steps.Select((step, k) => step == e.Name ? 1UL << k : 0UL).Aggregate(0UL, (a, b) => a | b)
                | (Exclusion is not null && e.Name == ExcludedName ? 1UL << Steps.Length : 0UL)))];

    public FunnelResult Run(FunnelOrder order, int? windowHours = null)
    {
        var engine = new FunnelEngine(Definition(order, windowHours));
        for (var user = 0; user < Users.Length; user++)
        {
            engine.AddUser(new AnalysisUser($"u{user}"), Stream(user));
        }

        return engine.Result();
    }

    public override string ToString() =>
        $"steps [{string.Join(",", Steps)}] window {WindowHours}h range [{FromHour},{ToHour}) exclusion {Exclusion} users "
        + string.Join(" | ", Users.Select(u => string.Join(" ", u.Select(e => $"{e.Name}@{e.Hour}"))));
}
