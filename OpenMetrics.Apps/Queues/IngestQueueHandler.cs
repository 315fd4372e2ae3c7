using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Queues;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.Apps.Queues;

/// <summary>
/// What the <c>ProcessIngest</c> queue function (and the local host's poller) runs for one message. At the last try a
/// failure is recorded in <see cref="IngestFailureLog"/> with its reason, and the message moved to the poison queue
/// here, never to expire, and the call returns so that the runtime deletes it from the queue: the runtime's own move
/// would send it without a reason and with the 7-day default lifetime. If that move fails, the error is rethrown and the
/// runtime's move is the fallback.
/// </summary>
public sealed class IngestQueueHandler(IngestProcessor processor, IngestFailureLog failures, PoisonQueue poison, TimeProvider clock, ILogger<IngestQueueHandler> logger)
{
    public async Task HandleAsync(BinaryData body, string queueMessageId, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            var message = await processor.ProcessAsync(body, cancellationToken);
            var lag = clock.GetUtcNow() - message.ReceivedAt;
            QueueLog.Processed(logger, message.Id, message.Kind, message.Events?.Count ?? 0, (long)lag.TotalMilliseconds);
        }
        catch (Exception exception) when (IsLastTry(dequeueCount) && !cancellationToken.IsCancellationRequested)
        {
            var failure = IngestFailure.Of(exception, body, queueMessageId, dequeueCount, clock.GetUtcNow());
            QueueLog.GivenUp(logger, exception, failure.MessageId, queueMessageId, dequeueCount);
            await RecordAsync(failure, cancellationToken);
            await poison.AddAsync(body, cancellationToken);
        }
    }

    private static bool IsLastTry(long dequeueCount) => dequeueCount >= FunctionCatalog.ProcessIngest.MaxDequeueCount;

    /// <summary>A reason that cannot be written must not stop the message from reaching the poison queue.</summary>
    private async Task RecordAsync(IngestFailure failure, CancellationToken cancellationToken)
    {
        try
        {
            await failures.RecordAsync(failure, cancellationToken);
        }
        catch (Exception recordError) when (recordError is not OperationCanceledException)
        {
            QueueLog.FailureNotRecorded(logger, recordError, failure.QueueMessageId);
        }
    }
}
