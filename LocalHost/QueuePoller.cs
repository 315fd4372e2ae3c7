using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage;

namespace OpenMetrics.LocalHost;

/// <summary>
/// Runs every queue function of <see cref="FunctionCatalog"/>, calling the handler its entry carries, the way the Functions runtime does: batches of
/// <c>BatchSize</c> run at the same time, the next batch fetched once no more than <c>NewBatchThreshold</c> are still
/// running; a success deletes the message, a failure hides it for <c>VisibilityTimeout</c>, and a failure at try
/// <c>MaxDequeueCount</c> moves its body to the poison queue. An empty queue is polled from every 100 ms backing off
/// to <c>MaxPollingInterval</c>. A storage fault while polling is logged and tried again after a jittered backoff
/// (<see cref="StorageFaults"/>); nothing a queue or a handler throws stops the poller, and so the host.
/// </summary>
internal sealed class QueuePoller(
    StorageAccount storage,
    IServiceProvider services,
    LocalHostOptions options,
    TimeProvider clock,
    ILogger<QueuePoller> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FunctionCatalog.Queues.Select(function => PollAsync(WithOverrides(function), stoppingToken)));

    private QueueFunction WithOverrides(QueueFunction function) =>
        options.VisibilityTimeoutOverride is { } visibility ? function with { VisibilityTimeout = visibility } : function;

    private async Task PollAsync(QueueFunction function, CancellationToken stopping)
    {
        var queues = storage.Queues();
        var queue = queues.GetQueueClient(function.Queue);
        var poison = queues.GetQueueClient(function.PoisonQueue);
        var running = new HashSet<Task>();
        var wait = MinPollingInterval;
        var created = false;
        var receive = StorageFaults.RetryForever(clock, function.MaxPollingInterval, (exception, delay) =>
            LocalHostLog.PollFailed(logger, exception, function.Queue, delay));
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveWhere(task => task.IsCompleted);
            if (running.Count > function.NewBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                batch = await receive.ExecuteAsync(
                    async cancellationToken =>
                    {
                        if (!created)
                        {
                            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                            created = true;
                        }

                        return (await queue.ReceiveMessagesAsync(function.BatchSize, options.ProcessingLease, cancellationToken)).Value;
                    },
                    stopping);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                break;
            }

            if (batch.Length == 0)
            {
                await Task.Delay(wait, clock, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, function.MaxPollingInterval.Ticks));
                continue;
            }

            wait = MinPollingInterval;
            foreach (var message in batch)
            {
                running.Add(RunAsync(function, queue, poison, message, stopping));
            }
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(
        QueueFunction function,
        QueueClient queue,
        QueueClient poison,
        QueueMessage message,
        CancellationToken stopping)
    {
        try
        {
            try
            {
                await function.Handle(services, message.Body, message.MessageId, message.DequeueCount, stopping);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                LocalHostLog.TryFailed(logger, exception, function.Name, message.MessageId, message.DequeueCount, function.MaxDequeueCount);
                await SettleFailureAsync(function, queue, poison, message, stopping);
                return;
            }

            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stopping);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            LocalHostLog.SettleFailed(logger, exception, message.MessageId, function.Queue);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopping, whatever the handler or storage threw on the way: the message reappears when its lease ends,
            // as after a crash of the Functions host.
        }
    }

    private async Task SettleFailureAsync(QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stopping)
    {
        if (message.DequeueCount < function.MaxDequeueCount)
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: function.VisibilityTimeout, cancellationToken: stopping);
            return;
        }

        // Sent before it is deleted: a crash in between leaves a duplicate, never a lost message.
        await poison.SendMessageAsync(message.Body, visibilityTimeout: null, timeToLive: MessageLifetime.Forever, stopping);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stopping);
        LocalHostLog.MovedToPoison(logger, message.MessageId, function.PoisonQueue, message.DequeueCount);
    }
}
