using Azure.Data.Tables;
using OpenMetrics.Core.Identity;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Decides merges one at a time, so that merges never form a cycle (A into B while B goes into A). Every merge
/// decided writes two rows of one partition (<c>merges</c> in the <c>Identity</c> table) in one entity group
/// transaction: the merged user's row naming the user it merged into and the message that merged it, and the other
/// user's row touched. Both rows are written only if neither changed since they were read as roots, so two merges that
/// would close a loop cannot both commit: the one that loses resolves again and finds the users already one.
/// </summary>
public sealed class MergeLedger(TableClient table)
{
    public const string Partition = "merges";

    /// <summary>The user a key stands for now, by the ledger and, for merges older than the ledger, the profiles.</summary>
    public async Task<string> RootAsync(string userKey, Func<string, CancellationToken, Task<string?>> profileMergedInto, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        while (!seen.Contains(userKey))
        {
            seen.Add(userKey);
            var next = (await ReadAsync(userKey, cancellationToken))?.GetString("MergedInto") ?? await profileMergedInto(userKey, cancellationToken);
            if (next is null)
            {
                return userKey;
            }

            userKey = next;
        }

        return MergeChains.RootOfCycle(seen, userKey);
    }

    /// <summary>The merge a message decided before (on an earlier try), found along the ledger from the session's user.</summary>
    public async Task<(string From, string Into)?> FindAsync(string userKey, string messageId, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Add(userKey) && await ReadAsync(userKey, cancellationToken) is { } row && row.GetString("MergedInto") is { } into)
        {
            if (row.GetString("MergeMessage") == messageId)
            {
                return (userKey, into);
            }

            userKey = into;
        }

        return null;
    }

    /// <summary>Records that <paramref name="from"/> merges into <paramref name="into"/>; false when either is no longer a root.</summary>
    public async Task<bool> TryDecideAsync(string from, string into, string messageId, CancellationToken cancellationToken)
    {
        var fromRow = await ReadAsync(from, cancellationToken);
        var intoRow = await ReadAsync(into, cancellationToken);
        if (fromRow?.GetString("MergedInto") is not null || intoRow?.GetString("MergedInto") is not null)
        {
            return false;
        }

        var merged = new TableEntity(Partition, Row(from)) { ["UserKey"] = from, ["MergedInto"] = into, ["MergeMessage"] = messageId };
        var absorbing = new TableEntity(Partition, Row(into)) { ["UserKey"] = into, ["AbsorbedBy"] = messageId };
        try
        {
            await table.SubmitTransactionAsync(
            [
                fromRow is null ? new TableTransactionAction(TableTransactionActionType.Add, merged) : new TableTransactionAction(TableTransactionActionType.UpdateReplace, merged, fromRow.ETag),
                intoRow is null ? new TableTransactionAction(TableTransactionActionType.Add, absorbing) : new TableTransactionAction(TableTransactionActionType.UpdateReplace, absorbing, intoRow.ETag),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Removes the rows of deleted users (a GDPR delete): each names the user it merged into and the message that did it.</summary>
    public async Task ForgetAsync(IEnumerable<string> userKeys, CancellationToken cancellationToken)
    {
        foreach (var userKey in userKeys)
        {
            await table.DeleteEntityAsync(Partition, Row(userKey), cancellationToken: cancellationToken);
        }
    }

    private async Task<TableEntity?> ReadAsync(string userKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row(userKey), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static string Row(string userKey) => KeyEncoding.KeyPart(userKey);
}
