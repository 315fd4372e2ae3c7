using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenMetrics.Core.Identity;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Sessions, users and the link between them (docs/semantics.md, "Identity"). Every write is an upsert or a conditional
/// update, so a message processed twice leaves the same rows; properties keep, per key, the write sent last.
/// </summary>
public sealed class IdentityStore(TableClient table, ILogger<IdentityStore>? logger = null)
{
    private readonly MergeLedger _ledger = new(table);
    private readonly ILogger _logger = logger ?? NullLogger<IdentityStore>.Instance;

    /// <summary>Last seen moves in steps of this much, so that a busy session is not rewritten on every message.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public TableClient Table => table;

    /// <summary>
    /// The session's current user, creating the session and its anonymous user on first sight, and widening the
    /// session's first and last seen to <paramref name="first"/> and <paramref name="last"/>.
    /// </summary>
    public async Task<string> TouchSessionAsync(string sessionId, DateTimeOffset first, DateTimeOffset last, CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = await ReadSessionAsync(sessionId, cancellationToken);
            if (session is null)
            {
                var userKey = UserKeys.Anonymous(sessionId);
                await EnsureUserAsync(userKey, cancellationToken);
                await table.UpsertEntityAsync(new TableEntity(IdentityKeys.UserPartition(userKey), IdentityKeys.UserSessionRow(sessionId)) { ["SessionId"] = sessionId }, TableUpdateMode.Merge, cancellationToken);
                var created = new TableEntity(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow)
                {
                    ["SessionId"] = sessionId, ["UserKey"] = userKey, ["FirstSeen"] = first, ["LastSeen"] = last,
                };
                if (await TryAsync(() => table.AddEntityAsync(created, cancellationToken)))
                {
                    return userKey;
                }

                continue;
            }

            var storedFirst = session.GetDateTimeOffset("FirstSeen") ?? first;
            var storedLast = session.GetDateTimeOffset("LastSeen") ?? last;
            if (first >= storedFirst && last < storedLast + LastSeenResolution)
            {
                return session.GetString("UserKey");
            }

            var update = new TableEntity(session.PartitionKey, session.RowKey)
            {
                ["FirstSeen"] = first < storedFirst ? first : storedFirst,
                ["LastSeen"] = last > storedLast ? last : storedLast,
            };
            if (await TryAsync(() => table.UpdateEntityAsync(update, session.ETag, TableUpdateMode.Merge, cancellationToken)))
            {
                return session.GetString("UserKey");
            }
        }
    }

    public async Task<TableEntity?> ReadSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await table.GetEntityIfExistsAsync<TableEntity>(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow, cancellationToken: cancellationToken);
        return session.HasValue ? session.Value : null;
    }

    /// <summary>
    /// Prepares linking the session to <paramref name="userId"/>. When the session's user is someone else, that user
    /// merges into <paramref name="userId"/>: sessions joined, aliases carried over, properties merged with the later
    /// write winning. The merge is first decided in the <see cref="MergeLedger"/> (between the two users' roots, so
    /// that merges never loop) under the message's id; every later step can be done again, and a retry of the message
    /// finds its decision (in the ledger, or on its session once committed) and does them all again, so a crash at any
    /// point ends as a clean run does. Returns null when the session already belongs to that user.
    /// </summary>
    public async Task<Merge?> PrepareSetUserIdAsync(string sessionId, string userId, DateTimeOffset at, string messageId, CancellationToken cancellationToken)
    {
        if (await TryLinkNewSessionAsync(sessionId, userId, at, cancellationToken))
        {
            return null;
        }

        var current = await TouchSessionAsync(sessionId, at, at, cancellationToken);
        if (await ReadSessionAsync(sessionId, cancellationToken) is { } session
            && session.GetString("MergeMessage") == messageId && session.GetString("MergedFrom") is { } committedFrom)
        {
            return await MergeAsync(committedFrom, current, cancellationToken);
        }

        // The common call (an identified session naming its user again) costs no ledger read.
        if (current == await ResolveAsync(userId, cancellationToken))
        {
            return null;
        }

        while (true)
        {
            if (await _ledger.FindAsync(current, messageId, cancellationToken) is { } decided)
            {
                return await MergeAsync(decided.From, decided.Into, cancellationToken);
            }

            var from = await _ledger.RootAsync(current, ProfileMergedIntoAsync, cancellationToken);
            var into = await _ledger.RootAsync(userId, ProfileMergedIntoAsync, cancellationToken);
            if (from == into)
            {
                return null;
            }

            if (await _ledger.TryDecideAsync(from, into, messageId, cancellationToken))
            {
                return await MergeAsync(from, into, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A session first seen through its setUserId (an imported user's own session, a device whose first row names its
    /// user) has no events and no anonymous user yet, so there is nothing to merge: it is created as the user's own,
    /// linked from the user first as <see cref="TouchSessionAsync"/> does. False when the session exists, or another
    /// message created it meanwhile; the merge then runs as before, and the link written here is one it makes anyway.
    /// A retry finds the session the user's and merges nothing.
    /// </summary>
    private async Task<bool> TryLinkNewSessionAsync(string sessionId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await ReadSessionAsync(sessionId, cancellationToken) is not null)
        {
            return false;
        }

        var userKey = await _ledger.RootAsync(userId, ProfileMergedIntoAsync, cancellationToken);
        await EnsureUserAsync(userKey, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(IdentityKeys.UserPartition(userKey), IdentityKeys.UserSessionRow(sessionId)) { ["SessionId"] = sessionId }, TableUpdateMode.Merge, cancellationToken);
        var created = new TableEntity(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow)
        {
            ["SessionId"] = sessionId, ["UserKey"] = userKey, ["FirstSeen"] = at, ["LastSeen"] = at,
        };
        return await TryAsync(() => table.AddEntityAsync(created, cancellationToken));
    }

    /// <summary>
    /// Points every session of the merged user at the user it merged into; the message's own session goes last and
    /// records the merge, so a retry that finds it committed still finishes the steps after it.
    /// </summary>
    public async Task CommitMergeAsync(Merge merge, string sessionId, string messageId, CancellationToken cancellationToken)
    {
        foreach (var session in merge.Sessions.Where(session => session != sessionId))
        {
            var update = new TableEntity(IdentityKeys.SessionPartition(session), IdentityKeys.SessionRow) { ["UserKey"] = merge.IntoUserKey };
            await table.UpsertEntityAsync(update, TableUpdateMode.Merge, cancellationToken);
        }

        var own = new TableEntity(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow)
        {
            ["UserKey"] = merge.IntoUserKey, ["MergeMessage"] = messageId, ["MergedFrom"] = merge.FromUserKey,
        };
        await table.UpsertEntityAsync(own, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The earliest first seen and latest last seen over some sessions: the time their events span.</summary>
    public async Task<(DateTimeOffset First, DateTimeOffset Last)?> SpanAsync(IEnumerable<string> sessions, CancellationToken cancellationToken)
    {
        (DateTimeOffset, DateTimeOffset)? span = null;
        foreach (var sessionId in sessions)
        {
            if (await ReadSessionAsync(sessionId, cancellationToken) is not { } session
                || session.GetDateTimeOffset("FirstSeen") is not { } first || session.GetDateTimeOffset("LastSeen") is not { } last)
            {
                continue;
            }

            span = span is { } known ? (first < known.Item1 ? first : known.Item1, last > known.Item2 ? last : known.Item2) : (first, last);
        }

        return span;
    }

    public async Task SetUserPropsAsync(string sessionId, JsonElement props, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var userKey = await TouchSessionAsync(sessionId, at, at, cancellationToken);
        await UpdatePropsAsync(IdentityKeys.UserPartition(userKey), IdentityKeys.ProfileRow, bag => bag.Apply(props, at.UtcTicks), cancellationToken);

        // A merge of this user may have copied its props before this write landed. If the user is marked merged by now,
        // the write goes to the user it merged into too; if not yet, the merge's second pass (MergeAsync) picks it up.
        var resolved = await ResolveAsync(userKey, cancellationToken);
        if (resolved != userKey)
        {
            await UpdatePropsAsync(IdentityKeys.UserPartition(resolved), IdentityKeys.ProfileRow, bag => bag.Apply(props, at.UtcTicks), cancellationToken);
        }
    }

    public async Task SetSessionPropsAsync(string sessionId, JsonElement props, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await TouchSessionAsync(sessionId, at, at, cancellationToken);
        await UpdatePropsAsync(IdentityKeys.SessionPartition(sessionId), IdentityKeys.SessionRow, bag => bag.Apply(props, at.UtcTicks), cancellationToken);
    }

    /// <summary>A user's profile row, or null for a user never seen.</summary>
    public async Task<TableEntity?> ReadProfileAsync(string userKey, CancellationToken cancellationToken)
    {
        var profile = await table.GetEntityIfExistsAsync<TableEntity>(IdentityKeys.UserPartition(userKey), IdentityKeys.ProfileRow, cancellationToken: cancellationToken);
        return profile.HasValue ? profile.Value : null;
    }

    /// <summary>Forgets the merges of deleted users, so that no row of the merge ledger names them any more.</summary>
    public Task ForgetMergesAsync(IEnumerable<string> userKeys, CancellationToken cancellationToken) =>
        _ledger.ForgetAsync(userKeys, cancellationToken);

    /// <summary>The user a key stands for now: itself, or the user it was merged into (following chains, safely through a loop).</summary>
    public async Task<string> ResolveAsync(string userKey, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        while (!seen.Contains(userKey))
        {
            seen.Add(userKey);
            if (await ProfileMergedIntoAsync(userKey, cancellationToken) is not { } next)
            {
                return userKey;
            }

            userKey = next;
        }

        return MergeChains.RootOfCycle(seen, userKey);
    }

    private async Task<string?> ProfileMergedIntoAsync(string userKey, CancellationToken cancellationToken) =>
        (await ReadProfileAsync(userKey, cancellationToken))?.GetString("MergedInto");

    private async Task<Merge> MergeAsync(string from, string into, CancellationToken cancellationToken)
    {
        await EnsureUserAsync(into, cancellationToken);
        var fromRows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == IdentityKeys.UserPartition(from), cancellationToken: cancellationToken))
        {
            fromRows.Add(row);
        }

        var sessions = fromRows.Where(r => IdentityKeys.IsUserSessionRow(r.RowKey)).Select(r => r.GetString("SessionId")).ToList();
        var aliases = fromRows.Where(r => IdentityKeys.IsAliasRow(r.RowKey)).Select(r => r.GetString("UserKey")).Append(from).Where(alias => alias != into).ToList();

        var intoPartition = IdentityKeys.UserPartition(into);
        var links = sessions.Select(s => new TableEntity(intoPartition, IdentityKeys.UserSessionRow(s)) { ["SessionId"] = s })
            .Concat(aliases.Select(a => new TableEntity(intoPartition, IdentityKeys.AliasRow(a)) { ["UserKey"] = a }));
        await TableBatches.SubmitAsync(table, links, TableTransactionActionType.UpsertMerge, cancellationToken);

        await CopyPropsAsync(from, intoPartition, cancellationToken);

        foreach (var alias in aliases)
        {
            await table.UpsertEntityAsync(new TableEntity(IdentityKeys.UserPartition(alias), IdentityKeys.ProfileRow) { ["MergedInto"] = into }, TableUpdateMode.Merge, cancellationToken);
        }

        // Second pass: props written to the merged user between the first copy and the MergedInto mark (a setUserProps
        // processed at the same time as this merge) reach the user it merged into. Later writes see the mark themselves.
        await CopyPropsAsync(from, intoPartition, cancellationToken);

        return new Merge(from, into, sessions);
    }

    /// <summary>Merges a user's props into another profile, per key the later write winning (so copying twice changes nothing).</summary>
    private async Task CopyPropsAsync(string from, string intoPartition, CancellationToken cancellationToken)
    {
        if (await ReadProfileAsync(from, cancellationToken) is { } fromProfile)
        {
            var fromProps = LatestWriteWins.Parse(EntityText.Read(fromProfile, "Props"), EntityText.Read(fromProfile, "PropTimes"));
            await UpdatePropsAsync(intoPartition, IdentityKeys.ProfileRow, bag => bag.Merge(fromProps), cancellationToken);
        }
    }

    private async Task EnsureUserAsync(string userKey, CancellationToken cancellationToken)
    {
        var profile = new TableEntity(IdentityKeys.UserPartition(userKey), IdentityKeys.ProfileRow)
        {
            ["UserKey"] = userKey,
            ["IsAnonymous"] = UserKeys.IsAnonymous(userKey),
        };
        await TryAsync(() => table.AddEntityAsync(profile, cancellationToken));
    }

    /// <summary>
    /// Read, change and write back a props bag with the row's ETag, again on a concurrent change. Writes the cap left
    /// out are logged and named on the row (<see cref="DroppedProps"/>); a retry that drops the same keys writes nothing new.
    /// </summary>
    private async Task UpdatePropsAsync(string partition, string row, Func<LatestWriteWins, bool> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var entity = existing.HasValue ? existing.Value! : new TableEntity(partition, row);
            var bag = LatestWriteWins.Parse(EntityText.Read(entity, "Props"), EntityText.Read(entity, "PropTimes"));
            var changed = change(bag);
            var dropped = bag.Dropped.Count == 0 ? null : DroppedProps.Describe(bag.Dropped);
            if (!changed && (dropped is null || dropped == entity.GetString(DroppedProps.Column)))
            {
                return;
            }

            var update = new TableEntity(partition, row);
            if (changed)
            {
                EntityText.Write(update, "Props", bag.ValuesJson);
                EntityText.Write(update, "PropTimes", bag.TimesJson);
                EntityText.BlankLeftovers(update, entity, "Props");
                EntityText.BlankLeftovers(update, entity, "PropTimes");
            }

            if (dropped is not null)
            {
                update[DroppedProps.Column] = dropped;
            }

            var written = existing.HasValue
                ? await TryAsync(() => table.UpdateEntityAsync(update, entity.ETag, TableUpdateMode.Merge, cancellationToken))
                : await TryAsync(() => table.AddEntityAsync(update, cancellationToken));
            if (written)
            {
                if (dropped is not null)
                {
                    IdentityLog.PropsDropped(_logger, bag.Dropped.Count, partition, row, ProfileCap.MaxKeys, ProfileCap.MaxBytes, dropped);
                }

                return;
            }
        }
    }

    /// <summary>Runs a conditional write; false when another writer got there first (409 or 412).</summary>
    private static async Task<bool> TryAsync(Func<Task<Response>> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }
}
