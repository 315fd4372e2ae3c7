using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Core.Queues;

/// <summary>
/// What the <c>ProcessIngest</c> queue function (and the local host's poller) runs for one message. The runtime moves
/// a message that failed its last try to the poison queue as it is, without a reason; so at the last try this records
/// the reason in <see cref="IngestFailureLog"/> first, then rethrows so that the move still happens.
/// </summary>
public sealed class IngestQueueHandler(IngestProcessor processor, IngestFailureLog failures, TimeProvider clock, ILogger<IngestQueueHandler> logger)
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
            throw;
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
