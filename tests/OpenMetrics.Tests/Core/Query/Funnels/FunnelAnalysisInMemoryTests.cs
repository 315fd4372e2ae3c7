using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Funnels;

/// <summary>
/// Funnels through <c>FunnelAnalysis</c> (what <c>FunnelHandler</c> calls) over in-memory events and identity: no
/// Azurite. The end-to-end cases are in <see cref="FunnelQueryTests"/>.
/// </summary>
public sealed class FunnelAnalysisInMemoryTests
{
    private static readonly DateTimeOffset June1 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_anonymous_signup_and_a_buy_in_another_session_merged_into_the_same_user_are_one_user_who_converted()
    {
        // ann signs up anonymously in a1 and buys in a2; a1 is hers now. bob signs up and never buys.
        var stores = new InMemoryQueryStores(June1.AddDays(30));
        stores.Events.Add("a1", "signup", June1.AddHours(9), writtenAs: "$anon:a1");
        stores.Events.Add("a2", "buy", June1.AddHours(10), writtenAs: "ann");
        stores.Events.Add("b1", "signup", June1.AddHours(11), writtenAs: "bob");
        stores.Identity.SessionOwners["a1"] = "ann";
        stores.Identity.SessionOwners["a2"] = "ann";
        stores.Identity.SessionOwners["b1"] = "bob";

        var answer = await stores.Funnels().ComputeAsync(InMemoryQueryStores.Json("""
            {"steps":[{"event":"signup"},{"event":"buy"}],"from":"2025-06-01","to":"2025-06-08","window":"P7D"}
            """), CancellationToken.None);

        var steps = answer["steps"]!.AsArray();
        Assert.Equal([2, 1], steps.Select(s => (int)s!["users"]!));
        Assert.Equal(["bob"], steps[0]!["droppedOffUsers"]!.AsArray().Select(u => (string)u!));
        Assert.Equal(3600, (double)steps[1]!["medianSecondsFromPrevious"]!);
        Assert.Equal(2, (int)answer["meta"]!["usersRead"]!);
    }

    [Fact]
    public async Task A_buy_after_the_window_does_not_convert()
    {
        // ann buys 2 days and 1 second after signing up; the window is 2 days.
        var stores = new InMemoryQueryStores(June1.AddDays(30));
        stores.Events.Add("a1", "signup", June1.AddHours(9), writtenAs: "ann");
        stores.Events.Add("a1", "buy", June1.AddHours(9).AddDays(2).AddSeconds(1), writtenAs: "ann");

        var answer = await stores.Funnels().ComputeAsync(InMemoryQueryStores.Json("""
            {"steps":[{"event":"signup"},{"event":"buy"}],"from":"2025-06-01","to":"2025-06-08","window":"P2D"}
            """), CancellationToken.None);

        Assert.Equal([1, 0], answer["steps"]!.AsArray().Select(s => (int)s!["users"]!));
    }
}
