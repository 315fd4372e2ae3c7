using OpenMetrics.Core.Aggregation;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.Aggregation;

/// <summary>
/// At-least-once delivery: a message processed twice, or a crash after any number of its writes followed by a retry,
/// leaves every figure as one clean processing would. Figures expected here are counted by hand from the calls sent.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class RedeliveryTests(LocalHostFixture host, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_messages_processed_twice_change_no_figure()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        var bodies = await SendAsync(run);

        await harness.ProcessAllAsync(bodies);
        await harness.ProcessAllAsync(bodies);

        await AssertFiguresAsync(harness, run);
    }

    [Fact]
    public async Task A_message_redelivered_after_its_contribution_was_compacted_changes_no_figure()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        var bodies = await SendAsync(run);

        await harness.ProcessAllAsync(bodies);
        await harness.Compactor.CompactAsync(default);
        await harness.ProcessAllAsync(bodies);
        await harness.Compactor.CompactAsync(default);

        await AssertFiguresAsync(harness, run);
    }

    [Fact]
    public async Task A_message_redelivered_after_its_tombstones_were_cleaned_counts_once()
    {
        // A week-old event (2026-11-03) arrives on 2026-11-10: its contribution lands in the 2026-11-03 partition, whose
        // tombstones the cleanup of 2026-11-11 deletes (day now-8). The same message comes back a month later.
        var run = Guid.NewGuid().ToString("N")[..8];
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"w-{{{run}}}","events":[{"name":"late-{{{run}}}","ts":"2026-11-03T08:00:00Z","props":{"n":5}}]}""");
        var bodies = await host.TakeIngestQueueAsync();
        using (var arrival = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero))))
        {
            await arrival.ProcessAllAsync(bodies);
            await arrival.Compactor.CompactAsync(default);
        }

        using (var cleanup = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 11, 11, 12, 0, 0, TimeSpan.Zero))))
        {
            await cleanup.Compactor.CompactAsync(default);
        }

        using var monthLater = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero)));
        await monthLater.ProcessAllAsync(bodies);
        await monthLater.Compactor.CompactAsync(default);

        var day = await monthLater.Rows.FiguresAsync("20261103", "d", $"late-{run}", default);
        Assert.Equal(1, day.Count);
        Assert.Equal(new NumericStats(1, 5, 5, 5), day.Numeric["n"]);
        Assert.Equal(1, (await monthLater.Rows.FiguresAsync("20261103", "h08", $"late-{run}", default)).Count);
    }

    [Fact]
    public async Task A_message_that_crashed_before_its_ledger_row_keeps_its_tombstones_until_its_retry()
    {
        // The crash comes just before the ledger row (the only single-entity insert into Aggregates): the contribution is
        // stored and folded, but the message is not yet known as counted. The cleanup must keep its tombstones.
        var run = Guid.NewGuid().ToString("N")[..8];
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"c-{{{run}}}","events":[{"name":"crash-{{{run}}}","ts":"2026-11-03T09:00:00Z"}]}""");
        var bodies = await host.TakeIngestQueueAsync();
        var crash = new CrashOnPolicy(request => request.Method == Azure.Core.RequestMethod.Post && request.Uri.Path.EndsWith("/Aggregates", StringComparison.Ordinal));
        using (var arrival = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero)), crash))
        {
            crash.Arm();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => arrival.ProcessAllAsync(bodies));
            await arrival.Compactor.CompactAsync(default);
        }

        using (var cleanup = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 11, 11, 12, 0, 0, TimeSpan.Zero))))
        {
            await cleanup.Compactor.CompactAsync(default);
        }

        using var retry = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero)));
        await retry.ProcessAllAsync(bodies);
        await retry.Compactor.CompactAsync(default);

        Assert.Equal(1, (await retry.Rows.FiguresAsync("20261103", "d", $"crash-{run}", default)).Count);
    }

    [Fact]
    public async Task A_crash_after_any_number_of_writes_followed_by_a_retry_changes_no_figure()
    {
        // Each round on fresh calls: crash after that many storage requests, retry, and the figures are exact.
        var needed = await Crashes.AtEveryPointAsync(async allowed =>
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var bodies = await SendAsync(run);
            var crash = new CrashAfterPolicy(allowed);
            bool crashed;
            using (var crashing = new AggregationHarness(host.Azurite.ConnectionString, crash))
            {
                crashed = await Crashes.DuringAsync(crash, () => crashing.ProcessAllAsync(bodies));
            }

            using var retrying = new AggregationHarness(host.Azurite.ConnectionString);
            await retrying.ProcessAllAsync(bodies);
            await AssertFiguresAsync(retrying, run);
            return crashed;
        });

        output.WriteLine($"crashed after each of the first {needed - 1} storage requests; processed whole when allowed {needed}");
    }

    /// <summary>
    /// u-{run} logs one purchase (price 20) at 09:00 in session a; session b, anonymous, logs two views (price 3 and 4)
    /// at 10:15 and 10:45 and then calls setUserId u-{run}: one user, three events, all on 2026-11-09 (UTC).
    /// </summary>
    private async Task<List<BinaryData>> SendAsync(string run)
    {
        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"a-{{{run}}}","userId":"u-{{{run}}}"}""");
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"a-{{{run}}}","events":[{"name":"buy-{{{run}}}","ts":"2026-11-09T09:00:00Z","props":{"price":20}}]}""");
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"b-{{{run}}}","events":[{"name":"view-{{{run}}}","ts":"2026-11-09T10:15:00Z","props":{"price":3}},{"name":"view-{{{run}}}","ts":"2026-11-09T10:45:00Z","props":{"price":4}}]}""");
        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"b-{{{run}}}","userId":"u-{{{run}}}"}""");
        return await host.TakeIngestQueueAsync();
    }

    private static async Task AssertFiguresAsync(AggregationHarness harness, string run)
    {
        var views = await harness.Rows.FiguresAsync("20261109", "d", $"view-{run}", default);
        Assert.Equal(2, views.Count);
        Assert.Equal(new NumericStats(2, 7, 3, 4), views.Numeric["price"]);
        Assert.Equal(2, (await harness.Rows.FiguresAsync("20261109", "h10", $"view-{run}", default)).Count);
        Assert.Equal(1, (await harness.Rows.FiguresAsync("20261109", "d", $"buy-{run}", default)).Count);
        Assert.Equal(1, await harness.Rows.MemberCountAsync("202611", "d09", MemberKeys.EventPart($"view-{run}"), default));
        Assert.Equal(1, await harness.Rows.MemberCountAsync("202611", "d09", MemberKeys.EventPart($"buy-{run}"), default));
        Assert.Equal($"u-{run}", (await harness.Identity.ReadSessionAsync($"b-{run}", default))!.GetString("UserKey"));
        var sessionEvents = await harness.Events.ReadSessionAsync($"b-{run}", default);
        Assert.Equal([new DateTimeOffset(2026, 11, 9, 10, 45, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 9, 10, 15, 0, TimeSpan.Zero)], sessionEvents.Select(e => e.Ts));
    }

}
