using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Benchmarks;

/// <summary>
/// A deterministic month of product events for the engine benchmarks: 10,000 users with 100 events each (1,000,000
/// events) from Monday 2 November 2026 (UTC). Each user is active over a stretch of 1 to 30 days starting on a random
/// day, and gets as far as a random depth of the funnel <c>visit → signup → activate → checkout → purchase</c>
/// (step events past their depth become page views), so most users do not convert and the engines walk all their
/// entries. 5 % of events are inactive. One user's events can be generated alone, without the others.
/// </summary>
internal static class SyntheticEvents
{
    public const int Users = 10_000;
    public const int EventsPerUser = 100;
    public const int Count = Users * EventsPerUser;
    public const int Days = 30;

    public static readonly DateTimeOffset From = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly string[] FunnelSteps = ["visit", "signup", "activate", "checkout", "purchase"];

    private static readonly string[] Names = [.. FunnelSteps, "pageview", "click", "search", "scroll", "logout"];

    // Percent of events per name, funnel steps first; they add up to 100.
    private static readonly int[] Weights = [10, 5, 4, 3, 2, 46, 12, 8, 6, 4];

    /// <summary>The predicate bits of each (name, active) pair for one engine, found once with its matcher.</summary>
    public static ulong[] MasksFor(IReadOnlyList<EventPredicate> predicates)
    {
        var matcher = new EventMatcher(predicates);
        var masks = new ulong[Names.Length * 2];
        for (var name = 0; name < Names.Length; name++)
        {
            masks[name * 2] = matcher.Match(Names[name], active: false, null);
            masks[(name * 2) + 1] = matcher.Match(Names[name], active: true, null);
        }

        return masks;
    }

    /// <summary>Writes user <paramref name="user"/>'s events, in time order, into <paramref name="into"/>.</summary>
    public static void User(int user, ulong[] masks, Span<AnalysisEvent> into)
    {
        var random = new Random(user);
        var start = random.Next(Days) * TimeSpan.TicksPerDay;
        var span = (random.Next(Days) + 1) * TimeSpan.TicksPerDay;
        var depth = random.Next(FunnelSteps.Length) + 1;
        Span<long> times = stackalloc long[EventsPerUser];
        for (var index = 0; index < times.Length; index++)
        {
            times[index] = From.UtcTicks + start + (random.NextInt64(span / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
        }

        times.Sort();
        for (var index = 0; index < times.Length; index++)
        {
            var name = PickName(random.Next(100));
            if (name < FunnelSteps.Length && name >= depth)
            {
                name = FunnelSteps.Length;
            }

            var active = random.Next(100) >= 5 ? 1 : 0;
            into[index] = new AnalysisEvent(times[index], masks[(name * 2) + active]);
        }
    }

    /// <summary>Every user's events in one array, user after user (user u at <c>u * EventsPerUser</c>).</summary>
    public static AnalysisEvent[] All(ulong[] masks)
    {
        var events = new AnalysisEvent[Count];
        for (var user = 0; user < Users; user++)
        {
            User(user, masks, events.AsSpan(user * EventsPerUser, EventsPerUser));
        }

        return events;
    }

    public static string Key(int user) => $"user-{user:D5}";

    private static int PickName(int percent)
    {
        for (var name = 0; name < Weights.Length; name++)
        {
            percent -= Weights[name];
            if (percent < 0)
            {
                return name;
            }
        }

        return Weights.Length - 1;
    }
}
