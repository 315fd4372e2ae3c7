using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A local host for tests of the query API with data sent through the v1 routes. Its queue poller and timers are off:
/// a test processes the ingest queue when it has logged (<see cref="ProcessIngestAsync"/>), and compacts when it wants
/// both storage shapes, so that nothing happens in the background between two steps of a test.
/// </summary>
public sealed class QueryHostFixture : LocalHostFixture
{
    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = false;
        options.RunTimers = false;
    }

    /// <summary>Processes every accepted call now, as the aggregate app's queue function would (no waiting for a poller).</summary>
    public Task ProcessIngestAsync() => ProcessIngestQueueAsync();

    /// <summary>Folds every live contribution into summaries, as the compaction timer does each minute.</summary>
    public Task CompactAsync() => Services.GetRequiredService<AggregateCompactor>().CompactAsync(CancellationToken.None);

    /// <summary>Deletes every row of the data tables, so that a test class starts from empty storage.</summary>
    public async Task ClearTablesAsync()
    {
        var tables = Storage.Tables();
        await foreach (var item in tables.QueryAsync())
        {
            var table = tables.GetTableClient(item.Name);
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add(row);
            }

            foreach (var partition in rows.GroupBy(row => row.PartitionKey))
            {
                await TableBatches.SubmitAsync(table, partition, TableTransactionActionType.Delete, CancellationToken.None);
            }
        }
    }
}
