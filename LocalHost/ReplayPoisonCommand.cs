using OpenMetrics.Apps.Queues;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.LocalHost;

/// <summary>
/// <c>dotnet run --project LocalHost -- replay-poison</c>: moves every ingest poison message back to the ingest queue
/// and exits, for an operator without curl or a function key at hand. Same work as <c>POST ops/poison/replay</c>.
/// </summary>
public static class ReplayPoisonCommand
{
    public const string Name = "replay-poison";

    public static async Task<int> RunAsync(LocalHostOptions options)
    {
        await using var azurite = await LocalStorage.EnsureAzuriteAsync(options);
        var account = StorageAccount.FromConnectionString(options.StorageConnectionString);
        await using var failures = IngestFailureLog.Create(account);
        var replayed = await PoisonQueue.Create(account, failures).ReplayAsync(CancellationToken.None);
        Console.WriteLine($"replayed {replayed} message(s) from {StorageNames.IngestPoisonQueue} to {StorageNames.IngestQueue}");
        return 0;
    }
}
