using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.Identity;

/// <summary>
/// A setUserId that merges a user with two sessions into another, crashed after any number of its storage requests
/// and then retried, ends as the crash-free run does: both sessions belong to the user merged into, and one person
/// counts once in every user set, also for the events that come after the merge.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MergeRetryTests(LocalHostFixture host, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_merge_crashed_after_any_number_of_writes_and_retried_leaves_one_user()
    {
        // Each round on fresh users: crash the merge after that many storage requests, retry, and one user remains.
        var needed = await Crashes.AtEveryPointAsync(async allowed =>
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var calls = await SendAsync(run);
            using var retrying = new AggregationHarness(host.Azurite.ConnectionString);
            await retrying.ProcessAllAsync(calls.Before);
            var crash = new CrashAfterPolicy(allowed);
            bool crashed;
            using (var crashing = new AggregationHarness(host.Azurite.ConnectionString, crash))
            {
                crashed = await Crashes.DuringAsync(crash, () => crashing.Processor.ProcessAsync(calls.Merge, default));
            }

            await retrying.Processor.ProcessAsync(calls.Merge, default);
            await retrying.ProcessAllAsync(calls.After);
            await AssertOneUserAsync(retrying, run, allowed);
            return crashed;
        });

        output.WriteLine($"the merge crashed after each of its first {needed - 1} storage requests; merged whole when allowed {needed}");
    }

    /// <summary>
    /// alice-{run} has sessions a1 and a2 (an event each on 2026-11-02), bob-{run} has b1; then a1 calls setUserId bob,
    /// which merges alice into bob; then a1 and a2 each log an event on 2026-11-05.
    /// </summary>
    private async Task<(List<BinaryData> Before, BinaryData Merge, List<BinaryData> After)> SendAsync(string run)
    {
        foreach (var (session, user) in new[] { ("a1", "alice"), ("a2", "alice"), ("b1", "bob") })
        {
            await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"{{{session}}}-{{{run}}}","userId":"{{{user}}}-{{{run}}}"}""");
            await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"{{{session}}}-{{{run}}}","events":[{"name":"open-{{{run}}}","ts":"2026-11-02T09:00:00Z"}]}""");
        }

        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"a1-{{{run}}}","userId":"bob-{{{run}}}"}""");
        foreach (var session in new[] { "a1", "a2" })
        {
            await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"{{{session}}}-{{{run}}}","events":[{"name":"open-{{{run}}}","ts":"2026-11-05T09:00:00Z"}]}""");
        }

        var bodies = await host.TakeIngestQueueAsync();
        Assert.Equal(9, bodies.Count);
        return (bodies[..6], bodies[6], bodies[7..]);
    }

    private static async Task AssertOneUserAsync(AggregationHarness harness, string run, int allowed)
    {
        foreach (var session in new[] { "a1", "a2", "b1" })
        {
            var owner = (await harness.Identity.ReadSessionAsync($"{session}-{run}", default))!.GetString("UserKey");
            Assert.True(owner == $"bob-{run}", $"crash after {allowed} requests: session {session} belongs to {owner}");
        }

        var open = MemberKeys.EventPart($"open-{run}");
        Assert.True(await harness.Rows.MemberCountAsync("202611", "d02", open, default) == 1, $"crash after {allowed} requests: 2026-11-02");
        Assert.True(await harness.Rows.MemberCountAsync("202611", "d05", open, default) == 1, $"crash after {allowed} requests: 2026-11-05");
        Assert.True(await harness.Rows.MemberCountAsync("202611", "M", open, default) == 1, $"crash after {allowed} requests: November");
    }
}
