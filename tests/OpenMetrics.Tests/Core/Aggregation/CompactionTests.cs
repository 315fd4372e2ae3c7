using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Aggregation;

/// <summary>The compactor folds contributions into summaries without changing any figure, and forgets tombstones after a week.</summary>
[Collection(StorageCollection.Name)]
public sealed class CompactionTests(LocalHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Compaction_leaves_one_summary_per_bucket_and_the_same_figures()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        for (var call = 0; call < 3; call++)
        {
            await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"s{{{call}}}-{{{run}}}","events":[{"name":"tap-{{{run}}}","ts":"2026-11-16T08:0{{{call}}}:00Z","props":{"n":{{{call + 1}}},"k":"v{{{call}}}"}}]}""");
        }

        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
        await harness.Compactor.CompactAsync(default);

        var day = await harness.Rows.FiguresAsync("20261116", "d", $"tap-{run}", default);
        Assert.Equal(3, day.Count);
        Assert.Equal(new NumericStats(3, 6, 1, 3), day.Numeric["n"]);
        Assert.Equal(new Dictionary<string, long> { ["v0"] = 1, ["v1"] = 1, ["v2"] = 1 }, day.Values["k"]);
        var rows = await RowsAsync(harness, "20261116", $"tap-{run}");
        Assert.DoesNotContain(rows, row => row.GetString("State") == AggregateStore.Live);
        var summaries = rows.Where(row => row.GetString("State") == AggregateStore.Summary)
            .Select(row => (row.PartitionKey, Bucket: AggregateKeys.Parse(row.RowKey).Bucket)).ToList();
        Assert.Equal(summaries.Count, summaries.Distinct().Count());
        Assert.Equal(["d", "h08", "m0800", "m0801", "m0802"], summaries.Select(s => s.Bucket).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tombstones_older_than_a_week_are_deleted_and_summaries_kept()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"s-{{{run}}}","events":[{"name":"old-{{{run}}}","ts":"2026-11-03T08:00:00Z"}]}""");
        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
        await harness.Compactor.CompactAsync(default);
        Assert.Contains(await RowsAsync(harness, "20261103", $"old-{run}"), row => row.GetString("State") == AggregateStore.Folded);

        using var weekLater = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(new DateTimeOffset(2026, 11, 11, 12, 0, 0, TimeSpan.Zero)));
        await weekLater.Compactor.CompactAsync(default);

        var rows = await RowsAsync(harness, "20261103", $"old-{run}");
        Assert.DoesNotContain(rows, row => row.GetString("State") == AggregateStore.Folded);
        Assert.Equal(1, (await harness.Rows.FiguresAsync("20261103", "d", $"old-{run}", default)).Count);
    }

    private static async Task<List<TableEntity>> RowsAsync(AggregationHarness harness, string day, string eventName)
    {
        var rows = new List<TableEntity>();
        for (var shard = 0; shard < AggregateKeys.Shards; shard++)
        {
            var partition = AggregateKeys.Partition(day, shard);
            await foreach (var row in harness.Tables.Get("Aggregates").QueryAsync<TableEntity>(e => e.PartitionKey == partition))
            {
                if (row.GetString("EventName") == eventName)
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }

}
