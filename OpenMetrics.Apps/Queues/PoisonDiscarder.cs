using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Queues;
using OpenMetrics.Core.Time;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.Apps.Queues;

/// <summary>
/// Discards one poison message on purpose: named by its id and the SHA-256 of the body the listing showed (so the
/// operator discards the message they looked at, not whatever now has that id), together with its claim-check blob.
/// Every discard is recorded in the table <c>PoisonDiscards</c> (partition: the UTC day, row: the poison message id)
/// and logged, before anything is deleted. The other poison messages are only hidden while the queue is searched and
/// shown again at once; a search cut short shows them again after <see cref="SearchLease"/>.
/// </summary>
public sealed class PoisonDiscarder(QueueClient poison, BlobContainerClient claims, TableClient discards, TimeProvider clock, ILogger<PoisonDiscarder>? logger = null)
{
    /// <summary>The most messages one receive returns.</summary>
    private const int PageSize = 32;

    private static readonly TimeSpan SearchLease = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = logger ?? NullLogger<PoisonDiscarder>.Instance;

    public static PoisonDiscarder Create(StorageAccount account, TimeProvider clock, ILogger<PoisonDiscarder>? logger = null) => new(
        account.Queues().GetQueueClient(FunctionCatalog.ProcessIngest.PoisonQueue),
        account.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer),
        account.Tables().GetTableClient(StorageNames.PoisonDiscardsTable),
        clock,
        logger);

    public async Task<DiscardOutcome> DiscardAsync(string id, string bodySha256, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var passedOver = new List<QueueMessage>();
        try
        {
            while (true)
            {
                var page = (await poison.ReceiveMessagesAsync(PageSize, SearchLease, cancellationToken)).Value;
                if (page.Length == 0)
                {
                    return new DiscardOutcome(DiscardResult.NotFound, null);
                }

                var match = page.FirstOrDefault(message => message.MessageId == id);
                passedOver.AddRange(page.Where(message => message != match));
                if (match is null)
                {
                    continue;
                }

                if (IngestFailure.HashOf(match.Body) != bodySha256)
                {
                    passedOver.Add(match);
                    return new DiscardOutcome(DiscardResult.OtherBody, null);
                }

                return new DiscardOutcome(DiscardResult.Discarded, await DiscardAsync(match, cancellationToken));
            }
        }
        finally
        {
            foreach (var message in passedOver)
            {
                await ShowAgainAsync(message);
            }
        }
    }

    /// <summary>Makes a passed-over message visible again; one a replay moved meanwhile is simply gone.</summary>
    private async Task ShowAgainAsync(QueueMessage message)
    {
        try
        {
            await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
        }
    }

    /// <summary>Record, then the message, then its blob: a discard cut short leaves at worst a blob no message names.</summary>
    private async Task<PoisonDiscard> DiscardAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var envelope = Envelope(message.Body);
        var record = new PoisonDiscard(
            message.MessageId, envelope?.Id, envelope?.Kind.ToString(), envelope?.ClaimCheck, IngestFailure.HashOf(message.Body),
            message.InsertedOn, clock.GetUtcNow());
        await discards.CreateIfNotExistsAsync(cancellationToken);
        await discards.UpsertEntityAsync(new TableEntity(UtcBuckets.Day(record.DiscardedAt), record.Id)
        {
            ["MessageId"] = record.MessageId,
            ["Kind"] = record.Kind,
            ["ClaimCheck"] = record.ClaimCheck,
            ["BodySha256"] = record.BodySha256,
            ["InsertedOn"] = record.InsertedOn,
            ["DiscardedAt"] = record.DiscardedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        QueueLog.Discarded(_logger, record.Id, record.MessageId, record.ClaimCheck, poison.Name);

        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        if (record.ClaimCheck is { } claimCheck)
        {
            await claims.DeleteBlobIfExistsAsync(claimCheck, cancellationToken: cancellationToken);
        }

        return record;
    }

    /// <summary>The ingest message's envelope, or null for a body too broken to read (it may be why it is poison).</summary>
    private static IngestMessage? Envelope(BinaryData body)
    {
        try
        {
            return IngestMessageReader.Envelope(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
