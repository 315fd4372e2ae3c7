using Azure;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Storage.Privacy;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Turns one ingest queue message into table storage. The steps of each kind of call are listed here, in order.
/// Every write is idempotent (upserts, insert-once rows, conditional updates), so a message processed twice, or
/// retried after a crash halfway, changes no figure. Throws when the message cannot be processed; the queue then
/// retries it and, after the configured number of tries, moves it to the poison queue.
/// </summary>
public sealed class IngestProcessor(
    IngestMessageReader reader,
    ClientEventIds clientEventIds,
    IdentityStore identity,
    EventStore events,
    AggregateStore aggregates,
    CountedMessages counted,
    MemberStore members,
    DeletionMarks deletions)
{
    /// <summary>The event a createUser call is recorded as: it makes the user active in its bucket (docs/semantics.md).</summary>
    public const string CreateUserEvent = "$createUser";

    /// <returns>The message as read, for the caller's bookkeeping (its receive time gives the queue lag).</returns>
    public async Task<IngestMessage> ProcessAsync(BinaryData body, CancellationToken cancellationToken)
    {
        IngestMessage message;
        try
        {
            message = await reader.ReadAsync(body, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // A claim-check blob is deleted only after its message is counted (below): one that is gone and counted is
            // a redelivery of a processed message. Otherwise the blob is missing and the message goes to poison.
            var envelope = IngestMessageReader.Envelope(body);
            if (await counted.ContainsAsync(envelope.Id, cancellationToken))
            {
                return envelope;
            }

            throw;
        }

        await RecordAsync(message, cancellationToken);

        // Only now: a claim-check blob is the message itself until everything in it is stored.
        if (message.ClaimCheck is { } claimCheck)
        {
            await counted.AddAsync(message.Id, cancellationToken);
            await reader.DeleteClaimAsync(claimCheck, cancellationToken);
        }

        return message;
    }

    /// <summary>
    /// Every step of one message already read, in order: what the queue function does after reading it, and what an
    /// import chunk does for the messages it makes (<c>Imports/ImportChunkProcessor</c>) without a queue in between.
    /// </summary>
    public async Task RecordAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        if (await deletions.ForgetsAsync(message, cancellationToken))
        {
            // Queued before a DELETE of its user, or sent under a deleted session since: docs/reliability.md.
            return;
        }

        switch (message.Kind)
        {
            case V1Call.Events:
                await RecordEventsAsync(message, message.Events ?? [], cancellationToken);
                break;
            case V1Call.CreateUser:
                var sessionStart = new IngestEvent($"{message.CallId}:0", CreateUserEvent, message.ReceivedAt, 0, null, message.Active ?? true);
                await RecordEventsAsync(message, [sessionStart], cancellationToken);
                break;
            case V1Call.SetUserId:
                await SetUserIdAsync(message, cancellationToken);
                break;
            case V1Call.SetUserProps:
                await identity.SetUserPropsAsync(message.SessionId, Required(message.Props, message), message.ReceivedAt, cancellationToken);
                break;
            case V1Call.SetSessionProps:
                await identity.SetSessionPropsAsync(message.SessionId, Required(message.Props, message), message.ReceivedAt, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Message {message.Id} has kind {message.Kind}, which carries nothing to store.");
        }
    }

    /// <summary>Dedupe client ids, resolve the session's user, raw events, counts (once per message), user sets, then follow a merge that raced us.</summary>
    private async Task RecordEventsAsync(IngestMessage message, IReadOnlyList<IngestEvent> batch, CancellationToken cancellationToken)
    {
        var kept = await clientEventIds.KeepUnclaimedAsync(message, batch, cancellationToken);
        if (kept.Count == 0)
        {
            return;
        }

        var userKey = await identity.TouchSessionAsync(message.SessionId, kept.Min(e => e.Ts), kept.Max(e => e.Ts), cancellationToken);
        await events.WriteAsync(message, kept, userKey, cancellationToken);

        // Its tombstones may be long gone when a message comes back: the ledger, written once the contribution is whole, decides.
        if (!await counted.ContainsAsync(message.Id, cancellationToken))
        {
            await aggregates.AddContributionAsync(message, kept, cancellationToken);
            await counted.AddAsync(message.Id, cancellationToken);
        }

        await members.AddAsync(userKey, kept, cancellationToken);

        // A setUserId processed meanwhile may have moved the session after we read it: our user sets follow it.
        var now = (await identity.ReadSessionAsync(message.SessionId, cancellationToken))?.GetString("UserKey");
        if (now is not null && now != userKey)
        {
            await members.RenameAsync(userKey, now, kept.Select(e => e.Ts), cancellationToken);
        }
    }

    /// <summary>Merge identities, rename user sets, commit the sessions to the new user, rename once more for racing writers.</summary>
    private async Task SetUserIdAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        var userId = message.UserId ?? throw new InvalidOperationException($"setUserId message {message.Id} has no userId.");
        var merge = await identity.PrepareSetUserIdAsync(message.SessionId, userId, message.ReceivedAt, message.Id, cancellationToken);
        if (merge is null)
        {
            return;
        }

        var span = await identity.SpanAsync(merge.Sessions, cancellationToken);
        var months = span is { } known ? Months(known.First, known.Last) : [];
        await members.RenameAsync(merge.FromUserKey, merge.IntoUserKey, months, cancellationToken);
        await identity.CommitMergeAsync(merge, message.SessionId, message.Id, cancellationToken);
        await members.RenameAsync(merge.FromUserKey, merge.IntoUserKey, months, cancellationToken);
    }

    private static List<DateTimeOffset> Months(DateTimeOffset first, DateTimeOffset last)
    {
        var months = new List<DateTimeOffset>();
        for (var month = new DateTimeOffset(first.Year, first.Month, 1, 0, 0, 0, TimeSpan.Zero); month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    private static System.Text.Json.JsonElement Required(System.Text.Json.JsonElement? props, IngestMessage message) =>
        props ?? throw new InvalidOperationException($"{message.Kind} message {message.Id} has no props.");
}
