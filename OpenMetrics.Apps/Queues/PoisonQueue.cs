using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Queues;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.Apps.Queues;

/// <summary>
/// The ingest queue's poison queue, for operators: list what is there with the recorded reasons, and replay it, that
/// is, move every message back to the ingest queue once the cause is fixed. Processing is idempotent, so a message
/// that was in fact processed before it failed changes no figure when it comes back.
/// </summary>
public sealed class PoisonQueue(QueueClient queue, QueueClient poison, IngestFailureLog failures, ILogger<PoisonQueue>? logger = null)
{
    /// <summary>The most messages one peek or receive returns.</summary>
    private const int PageSize = 32;

    /// <summary>Long enough to send and delete a page; a message whose replay was cut short reappears after it.</summary>
    private static readonly TimeSpan ReplayLease = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger = logger ?? NullLogger<PoisonQueue>.Instance;

    public static PoisonQueue Create(StorageAccount account, IngestFailureLog failures, ILogger<PoisonQueue>? logger = null)
    {
        var queues = account.Queues();
        var function = FunctionCatalog.ProcessIngest;
        return new PoisonQueue(queues.GetQueueClient(function.Queue), queues.GetQueueClient(function.PoisonQueue), failures, logger);
    }

    public async Task<PoisonListing> ListAsync(CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var count = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var peeked = (await poison.PeekMessagesAsync(PageSize, cancellationToken)).Value;
        var reasons = await ReasonsAsync(peeked, cancellationToken);
        var messages = peeked
            .Select(message => new PoisonMessage(message.MessageId, message.InsertedOn, IngestFailure.HashOf(message.Body), reasons.GetValueOrDefault(IngestFailure.HashOf(message.Body))))
            .ToList();
        return new PoisonListing(Math.Max(count, messages.Count), messages);
    }

    /// <summary>
    /// Puts a message that failed its last try on the poison queue, to stay there until replayed or discarded. The
    /// handler does this itself because the Functions runtime's own move sends it with the 7-day default lifetime.
    /// </summary>
    public async Task AddAsync(BinaryData body, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(body, visibilityTimeout: null, timeToLive: MessageLifetime.Forever, cancellationToken);
    }

    /// <summary>Moves every poison message back to the queue; returns how many. Each is sent before it is deleted, so none is lost.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var replayed = 0;
        while (true)
        {
            var page = (await poison.ReceiveMessagesAsync(PageSize, ReplayLease, cancellationToken)).Value;
            if (page.Length == 0)
            {
                break;
            }

            foreach (var message in page)
            {
                await queue.SendMessageAsync(message.Body, visibilityTimeout: null, timeToLive: MessageLifetime.Forever, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                replayed++;
            }
        }

        QueueLog.Replayed(_logger, replayed, poison.Name, queue.Name);
        return replayed;
    }

    /// <summary>
    /// The newest recorded failure for each body. A message reaches the poison queue moments after its failure is
    /// recorded, so the failure sits on the day the message was inserted, or the day before around midnight.
    /// </summary>
    private async Task<Dictionary<string, IngestFailure>> ReasonsAsync(PeekedMessage[] messages, CancellationToken cancellationToken)
    {
        var days = messages
            .Where(message => message.InsertedOn is not null)
            .SelectMany(message => new[] { message.InsertedOn!.Value, message.InsertedOn.Value.AddDays(-1) });
        var recorded = messages.Length == 0 ? [] : await failures.ReadDaysAsync(days, cancellationToken);
        return recorded
            .GroupBy(failure => failure.BodySha256)
            .ToDictionary(group => group.Key, group => group.MaxBy(failure => failure.FailedAt)!);
    }
}
