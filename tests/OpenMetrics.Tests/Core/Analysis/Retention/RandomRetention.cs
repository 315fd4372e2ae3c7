using CsCheck;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;

namespace OpenMetrics.Tests.Core.Analysis.Retention;

/// <summary>
/// Random retention queries over random users for the property tests, in zones and on dates that cross a DST change
/// (New York in autumn, Berlin in spring) or sit at a half-hour offset (Kolkata). Times are multiples of 30 minutes,
/// so events often fall exactly on a local midnight. Each event is a start, a return, both, or neither; a user may also
/// have done the start event up to two days before the events generated (a "first start" the caller passes).
/// </summary>
internal sealed record RandomRetention(
    int Zone, RetentionPeriod Period, int Periods, RetentionType Type, (int Kind, int HalfHour)[][] Users, int?[] FirstStartHalfHours, int FromDay, int Days)
{
    private static readonly (string Id, DateTimeOffset Origin)[] Zones =
    [
        ("UTC", new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero)),
        ("America/New_York", new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero)),
        ("Europe/Berlin", new(2026, 3, 15, 0, 0, 0, TimeSpan.Zero)),
        ("Asia/Kolkata", new(2026, 3, 15, 0, 0, 0, TimeSpan.Zero)),
    ];

    public static readonly DateTimeOffset Now = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static Gen<RandomRetention> Gen =>
        from zone in CsCheck.Gen.Int[0, 3]
        from period in CsCheck.Gen.Enum<RetentionPeriod>()
        from periods in CsCheck.Gen.Int[1, 6]
        from type in CsCheck.Gen.Enum<RetentionType>()
        from users in CsCheck.Gen.Select(CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 40 * 48]).Array[0, 15].Array[1, 8]
        from history in CsCheck.Gen.Int[-96, 1].Array[8]
        from fromDay in CsCheck.Gen.Int[0, 15]
        from days in CsCheck.Gen.Int[1, 20]
        select new RandomRetention(zone, period, periods, type, [.. users.Select(u => u.OrderBy(e => e.Item2).Select(e => (e.Item1, e.Item2)).ToArray())], [.. history.Select(h => h == 1 ? (int?)null : h)], fromDay, days);

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Zones[Zone].Id);

    public DateTimeOffset From => Zones[Zone].Origin.AddDays(FromDay);

    public DateTimeOffset To => From.AddDays(Days);

    public DateTimeOffset At(int halfHours) => Zones[Zone].Origin.AddMinutes(30 * halfHours);

    public static bool IsStart(int kind) => kind is 0 or 2;

    public static bool IsReturn(int kind) => kind is 1 or 2;

    public RetentionDefinition Definition(bool unbounded) =>
        new(From, To, EventPredicate.Named("start"), EventPredicate.Named("return")) { Period = Period, Periods = Periods, Type = Type, Unbounded = unbounded, TimeZone = TimeZone };

    public RetentionResult Run(bool unbounded)
    {
        var engine = new RetentionEngine(Definition(unbounded), Now);
        for (var user = 0; user < Users.Length; user++)
        {
            var stream = Users[user].Select(e => new AnalysisEvent(At(e.HalfHour).UtcTicks, (IsStart(e.Kind) ? 1UL : 0) | (IsReturn(e.Kind) ? 2UL : 0))).ToArray();
            engine.AddUser(new AnalysisUser($"u{user}"), stream, FirstStartHalfHours[user] is { } h ? At(h) : null);
        }

        return engine.Result();
    }

    public override string ToString() =>
        $"{Zones[Zone].Id} {Period} x{Periods} {Type} from {From:O} to {To:O} users "
        + string.Join(" | ", Users.Select((u, i) => $"first {FirstStartHalfHours[i]}: " + string.Join(" ", u.Select(e => $"{e.Kind}@{e.HalfHour}"))));
}
