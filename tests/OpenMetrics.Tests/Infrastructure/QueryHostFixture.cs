using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Storage;
using OpenMetrics.LocalHost;
using Microsoft.Extensions.DependencyInjection;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A local host whose queue poller turns logged calls into tables, as the aggregate app would, for tests of the query
/// API with data sent through the v1 routes. Timers are off: a test compacts when it wants both storage shapes.
/// </summary>
public sealed class QueryHostFixture : LocalHostFixture
{
    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = true;
        options.RunTimers = false;
        options.VisibilityTimeoutOverride = TimeSpan.FromSeconds(1);
    }

    /// <summary>Waits until every accepted call has been processed: the ingest queue holds no message, visible or not.</summary>
    public async Task WaitForIngestAsync()
    {
        await IngestQueue.CreateIfNotExistsAsync();
        await Eventually.MatchesAsync(
            async () => (await IngestQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0,
            TimeSpan.FromSeconds(60));
    }

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
