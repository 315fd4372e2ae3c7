using System.Diagnostics;
using Azure.Data.Tables;

namespace OpenMetrics.LoadTest;

/// <summary>
/// The baseline: how fast this Azurite takes plain entities in batches of 100, spread over 16 partitions, with the same
/// concurrency as the load, each entity about the size of a stored event. No pipeline can beat this rate.
/// </summary>
internal static class BatchInsertBaseline
{
    public static async Task<double> EntitiesPerSecondAsync(TableServiceClient service, int entities, int concurrency)
    {
        var table = service.GetTableClient("Baseline");
        await table.CreateIfNotExistsAsync();
        var props = """{"path":"/products/12","referrer":"https://news.example/article","screen":"1920x1080","plan":"pro","items":3}""";
        var batches = Enumerable.Range(0, entities / 100).ToList();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches.Count)
            {
                var partition = $"p{batch % 16:x}";
                var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(partition, $"{batch:D8}_{i:D3}") { ["Name"] = "page_view", ["Ts"] = DateTimeOffset.UtcNow, ["Props"] = props, ["SessionId"] = $"s{batch}" }));
                await table.SubmitTransactionAsync(actions);
            }
        }));
        return batches.Count * 100 / watch.Elapsed.TotalSeconds;
    }
}
