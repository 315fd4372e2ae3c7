using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.Identity;

/// <summary>
/// A setUserId that is a session's first message (an imported user's own session) links the session to its user at
/// once: no anonymous user is made and merged. Crashed after any number of its storage requests and retried, it ends
/// as the crash-free run does, and the session's events count its user once.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class NewSessionLinkTests(LocalHostFixture host, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_first_setUserId_crashed_anywhere_and_retried_links_the_session_without_an_anonymous_user()
    {
        var needed = await Crashes.AtEveryPointAsync(async allowed =>
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var session = $"s-{run}";
            await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"{{{session}}}","userId":"carol-{{{run}}}"}""");
            await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"{{{session}}}","events":[{"name":"open-{{{run}}}","ts":"2026-11-02T09:00:00Z"}]}""");
            var bodies = await host.TakeIngestQueueAsync();
            Assert.Equal(2, bodies.Count);

            using var retrying = new AggregationHarness(host.Azurite.ConnectionString);
            var crash = new CrashAfterPolicy(allowed);
            bool crashed;
            using (var crashing = new AggregationHarness(host.Azurite.ConnectionString, crash))
            {
                crashed = await Crashes.DuringAsync(crash, () => crashing.Processor.ProcessAsync(bodies[0], default));
            }

            await retrying.Processor.ProcessAsync(bodies[0], default);
            await retrying.Processor.ProcessAsync(bodies[1], default);

            var owner = (await retrying.Identity.ReadSessionAsync(session, default))!.GetString("UserKey");
            Assert.True(owner == $"carol-{run}", $"crash after {allowed} requests: the session belongs to {owner}");
            Assert.True(await retrying.Identity.ReadProfileAsync(UserKeys.Anonymous(session), default) is null, $"crash after {allowed} requests: an anonymous user was made");

            // One event of one user on 2 November 2026: one member in that day's set.
            var open = MemberKeys.EventPart($"open-{run}");
            Assert.True(await retrying.Rows.MemberCountAsync("202611", "d02", open, default) == 1, $"crash after {allowed} requests: 2026-11-02");
            return crashed;
        });

        output.WriteLine($"the first setUserId crashed after each of its first {needed - 1} storage requests; whole when allowed {needed}");
    }
}
