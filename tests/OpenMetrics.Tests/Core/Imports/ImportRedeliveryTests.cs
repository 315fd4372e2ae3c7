using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>
/// A chunk counts its rows once however often it runs: delivered twice, or crashed after any of its storage requests
/// and then retried. The file: user r-{run} does red-{run} on 2025-04-07 at 10:00 and 11:00, and user s-{run} at 12:00
/// (one chunk of 3 records under the default settings; here chunks hold 2, so 2 chunks).
/// </summary>
public sealed class ImportRedeliveryTests(SmallImportsHostFixture host, ITestOutputHelper output) : IClassFixture<SmallImportsHostFixture>
{
    [Fact]
    public async Task A_chunk_delivered_twice_counts_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var upload = await host.UploadAsync("openmetrics", File(run));
        var messages = await host.Queue().TakeAsync();
        var handler = host.Services.GetRequiredService<ImportQueueHandler>();
        foreach (var (body, id) in messages.Concat(messages))
        {
            await handler.HandleAsync(body, id, 1, CancellationToken.None);
        }

        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        await AssertCountedOnceAsync(harness, run, "delivered twice");
        var status = await host.GetQueryAsync($"/api/imports/{upload.Id}");
        Assert.Equal(3, status.GetProperty("rowsRead").GetInt64());
        Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
    }

    [Fact]
    public async Task A_chunk_crashed_after_any_storage_request_and_retried_counts_once()
    {
        var needed = await Crashes.AtEveryPointAsync(async allowed =>
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var upload = await host.UploadAsync("openmetrics", File(run));
            var messages = await host.Queue().TakeAsync();

            // The first chunk (r's two rows) crashes; then every chunk runs on a fresh process, as after a restart.
            var crash = new CrashAfterPolicy(allowed);
            bool crashed;
            using (var crashing = new AggregationHarness(host.Azurite.ConnectionString, crash))
            {
                crashed = await Crashes.DuringAsync(crash, () => crashing.ImportChunks.HandleAsync(messages[0].Body, messages[0].Id, 1, CancellationToken.None));
            }

            using var retrying = new AggregationHarness(host.Azurite.ConnectionString);
            foreach (var (body, id) in messages)
            {
                await retrying.ImportChunks.HandleAsync(body, id, 2, CancellationToken.None);
            }

            await AssertCountedOnceAsync(retrying, run, $"crash after {allowed} requests");
            var status = await host.GetQueryAsync($"/api/imports/{upload.Id}");
            Assert.True(status.GetProperty("state").GetString() == "done", $"crash after {allowed} requests: {status}");
            Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
            return crashed;
        });

        output.WriteLine($"the chunk crashed after each of its first {needed - 1} storage requests; counted whole when allowed {needed}");
    }

    private static string File(string run) => ImportsApi.Lines(
        $$"""{"name":"red-{{run}}","ts":"2025-04-07T10:00:00Z","userId":"r-{{run}}","id":"1"}""",
        $$"""{"name":"red-{{run}}","ts":"2025-04-07T11:00:00Z","userId":"r-{{run}}","id":"2"}""",
        $$"""{"name":"red-{{run}}","ts":"2025-04-07T12:00:00Z","userId":"s-{{run}}","id":"3"}""");

    /// <summary>3 events on 2025-04-07 (2 in hour 10-11 by r... one each in hours 10, 11, 12), by 2 users that day and that month.</summary>
    private static async Task AssertCountedOnceAsync(AggregationHarness harness, string run, string when)
    {
        var name = $"red-{run}";
        Assert.True((await harness.Rows.FiguresAsync("20250407", "d", name, default)).Count == 3, $"{when}: the day's count");
        Assert.True((await harness.Rows.FiguresAsync("20250407", "h10", name, default)).Count == 1, $"{when}: hour 10");
        var part = MemberKeys.EventPart(name);
        Assert.True(await harness.Rows.MemberCountAsync("202504", "d07", part, default) == 2, $"{when}: users of the day");
        Assert.True(await harness.Rows.MemberCountAsync("202504", "M", part, default) == 2, $"{when}: users of the month");
    }
}
