using OpenMetrics.Apps.Queues;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.LocalHost;

/// <summary>
/// <c>dotnet run --project LocalHost -- discard-poison {id} {sha256}</c>: discards one ingest poison message (and its
/// claim-check blob) and exits, as <c>DELETE ops/poison/{id}?sha256=...</c> does; the id and the body's hash are the
/// ones <c>GET ops/poison</c> lists. Exit code 0 when discarded, 1 when the arguments are missing, 2 when nothing
/// was discarded (no such id, or the message has another body).
/// </summary>
public static class DiscardPoisonCommand
{
    public const string Name = "discard-poison";

    public static async Task<int> RunAsync(LocalHostOptions options, IReadOnlyList<string> arguments)
    {
        if (arguments is not [var id, var sha256])
        {
            Console.Error.WriteLine($"usage: {Name} <id> <sha256>  (both as GET /ops/poison lists them)");
            return 1;
        }

        await using var azurite = await LocalStorage.EnsureAzuriteAsync(options);
        var account = StorageAccount.FromConnectionString(options.StorageConnectionString);
        var outcome = await PoisonDiscarder.Create(account, TimeProvider.System).DiscardAsync(id, sha256, CancellationToken.None);
        if (outcome.Record is not { } record)
        {
            Console.Error.WriteLine(outcome.Result == DiscardResult.OtherBody
                ? $"poison message {id} has another body than sha256 {sha256}: nothing discarded"
                : $"no poison message has the id {id}: nothing discarded");
            return 2;
        }

        Console.WriteLine($"discarded poison message {record.Id} (ingest message {record.MessageId ?? "unreadable"}"
            + $"{(record.ClaimCheck is null ? "" : $", claim check {record.ClaimCheck}")}), recorded in {StorageNames.PoisonDiscardsTable}");
        return 0;
    }
}
