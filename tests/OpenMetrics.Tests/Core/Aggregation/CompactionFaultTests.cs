using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Aggregation;

/// <summary>
/// A fold that throws (here: a contribution row whose figures are not JSON, written straight to Azurite) is logged and
/// left for the next run; the other events, partitions and days are still compacted and old tombstones still deleted.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CompactionFaultTests(LocalHostFixture host) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 10, 12, 12, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_corrupt_contribution_stops_only_its_own_fold_and_is_retried_next_run()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        var table = harness.Tables.Get("Aggregates");

        // A tombstone on the day the run at Now cleans (Now - 8 days).
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"old-{{{run}}}","events":[{"name":"old-{{{run}}}","ts":"2026-10-04T08:00:00Z"}]}""");
        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
        await harness.Compactor.CompactAsync(default);

        // Live contributions on two late days, spread over the shards by their message ids, then the corrupt row.
        for (var call = 0; call < 8; call++)
        {
            await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"s{{{call}}}-{{{run}}}","events":[{"name":"good-{{{run}}}","ts":"2026-10-0{{{7 + call % 2}}}T08:00:00Z","props":{"n":1}}]}""");
        }

        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
        var corrupt = new TableEntity(AggregateKeys.Partition("20261007", 0), AggregateKeys.Row("d", $"bad-{run}", AggregateKeys.ContributionPrefix + run))
        {
            ["State"] = AggregateStore.Live,
            ["EventName"] = $"bad-{run}",
            ["Count"] = 1L,
            ["Numeric"] = "{not json",
        };
        await table.AddEntityAsync(corrupt);
        await table.UpsertEntityAsync(new TableEntity(AggregateStore.LatePartition, corrupt.PartitionKey));

        using var later = new AggregationHarness(host.Azurite.ConnectionString, new FixedClock(Now));
        await later.Compactor.CompactAsync(default);

        foreach (var day in new[] { "20261007", "20261008" })
        {
            Assert.Equal(4, (await harness.Rows.FiguresAsync(day, "d", $"good-{run}", default)).Count);
            Assert.DoesNotContain(await RowsAsync(table, day, $"good-{run}"), row => row.GetString("State") == AggregateStore.Live);
        }

        Assert.Empty(await RowsAsync(table, "20261004", $"old-{run}", AggregateStore.Folded));
        Assert.Single(await RowsAsync(table, "20261007", $"bad-{run}", AggregateStore.Live));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(AggregateStore.LatePartition, corrupt.PartitionKey)).HasValue, "the day stays marked late, so the next run retries it");

        // The operator repairs the row: the next run folds it and forgets the mark.
        corrupt["Numeric"] = """{"n":{"count":1,"sum":2,"min":2,"max":2}}""";
        await table.UpsertEntityAsync(corrupt, TableUpdateMode.Replace);
        await later.Compactor.CompactAsync(default);

        Assert.Equal(new NumericStats(1, 2, 2, 2), (await harness.Rows.FiguresAsync("20261007", "d", $"bad-{run}", default)).Numeric["n"]);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(AggregateStore.LatePartition, corrupt.PartitionKey)).HasValue);
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string day, string eventName, string? state = null)
    {
        var rows = new List<TableEntity>();
        for (var shard = 0; shard < AggregateKeys.Shards; shard++)
        {
            var partition = AggregateKeys.Partition(day, shard);
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
            {
                if (row.GetString("EventName") == eventName && (state is null || row.GetString("State") == state))
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }
}
