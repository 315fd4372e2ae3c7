using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Identity;

/// <summary>
/// Two identified users merged into each other at the same time (a1 calls setUserId bob while b1 calls setUserId
/// alice) end as one user, never as a loop of merges: every later message of either user is processed and counted once.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MergeCycleTests(LocalHostFixture host) : IAsyncLifetime
{
    private const int Rounds = 20;

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Concurrent_merges_of_two_users_into_each_other_never_form_a_cycle()
    {
        using var left = new AggregationHarness(host.Azurite.ConnectionString);
        using var right = new AggregationHarness(host.Azurite.ConnectionString);
        for (var round = 0; round < Rounds; round++)
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            foreach (var (session, user) in new[] { ("a1", "alice"), ("b1", "bob") })
            {
                await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"{{{session}}}-{{{run}}}","userId":"{{{user}}}-{{{run}}}"}""");
            }

            await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"a1-{{{run}}}","userId":"bob-{{{run}}}"}""");
            await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"b1-{{{run}}}","userId":"alice-{{{run}}}"}""");
            foreach (var session in new[] { "a1", "b1" })
            {
                await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"{{{session}}}-{{{run}}}","events":[{"name":"open-{{{run}}}","ts":"2026-11-06T09:00:00Z"}]}""");
            }

            var bodies = await host.TakeIngestQueueAsync();
            Assert.Equal(6, bodies.Count);
            await left.ProcessAllAsync(bodies[..2]);
            await Task.WhenAll(
                Task.Run(() => left.Processor.ProcessAsync(bodies[2], default)),
                Task.Run(() => right.Processor.ProcessAsync(bodies[3], default)));
            await left.ProcessAllAsync(bodies[4..]);

            var alice = await MergeChainAsync(left.Identity, $"alice-{run}");
            var bob = await MergeChainAsync(left.Identity, $"bob-{run}");
            Assert.Equal(alice[^1], bob[^1]);
            var owners = new List<string>();
            foreach (var session in new[] { "a1", "b1" })
            {
                owners.Add((await left.Identity.ReadSessionAsync($"{session}-{run}", default))!.GetString("UserKey"));
            }

            Assert.All(owners, owner => Assert.Equal(alice[^1], owner));
            Assert.Equal(1, await left.Rows.MemberCountAsync("202611", "d06", MemberKeys.EventPart($"open-{run}"), default));
        }
    }

    [Fact]
    public async Task A_loop_of_merges_already_stored_resolves_to_one_user_and_later_messages_go_through()
    {
        // Rows as the code before the merge ledger could leave them: alice merged into bob and bob into alice.
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var (session, user) in new[] { ("a1", "alice"), ("b1", "bob") })
        {
            await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"{{{session}}}-{{{run}}}","userId":"{{{user}}}-{{{run}}}"}""");
        }

        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
        var identity = harness.Tables.Get(OpenMetrics.Storage.StorageNames.IdentityTable);
        foreach (var (user, into) in new[] { ("alice", "bob"), ("bob", "alice") })
        {
            await identity.UpsertEntityAsync(
                new Azure.Data.Tables.TableEntity(IdentityKeys.UserPartition($"{user}-{run}"), IdentityKeys.ProfileRow) { ["MergedInto"] = $"{into}-{run}" },
                Azure.Data.Tables.TableUpdateMode.Merge);
        }

        await host.PostOkAsync("/v1/setUserProps", $$$"""{"sessionId":"b1-{{{run}}}","props":{"plan":"pro"}}""");
        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"b1-{{{run}}}","userId":"alice-{{{run}}}"}""");
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"b1-{{{run}}}","events":[{"name":"open-{{{run}}}","ts":"2026-11-07T09:00:00Z"}]}""");
        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());

        Assert.Equal($"alice-{run}", await harness.Identity.ResolveAsync($"bob-{run}", default));
        Assert.Equal($"alice-{run}", await harness.Identity.ResolveAsync($"alice-{run}", default));
        Assert.Equal(1, await harness.Rows.MemberCountAsync("202611", "d07", MemberKeys.EventPart($"open-{run}"), default));
    }

    /// <summary>The users a key's MergedInto marks lead through, read row by row; fails on a user seen twice (a cycle).</summary>
    private static async Task<List<string>> MergeChainAsync(IdentityStore identity, string userKey)
    {
        var chain = new List<string> { userKey };
        while ((await identity.ReadProfileAsync(chain[^1], default))?.GetString("MergedInto") is { } next)
        {
            Assert.DoesNotContain(next, chain);
            chain.Add(next);
        }

        return chain;
    }
}
