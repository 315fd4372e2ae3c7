using OpenMetrics.Core.Functions;

namespace OpenMetrics.Apps.Functions;

/// <summary>
/// A queue-triggered function and the delivery rules it runs under. In Azure the rules live in the app's host.json
/// (<c>extensions.queues</c>, one set per app); a test holds host.json to these values, and the local host polls
/// with them.
/// </summary>
/// <param name="Name">The function name, as in <c>[Function(Name)]</c> and in functions.metadata.</param>
/// <param name="Queue">The queue it reads; failed messages end in <see cref="PoisonQueue"/>.</param>
/// <param name="BatchSize">Messages fetched in one request, and run at the same time.</param>
/// <param name="NewBatchThreshold">When this few messages are still running, the next batch is fetched.</param>
/// <param name="MaxDequeueCount">Tries before a message is moved to the poison queue.</param>
/// <param name="VisibilityTimeout">How long a failed message stays hidden before its next try.</param>
/// <param name="MaxPollingInterval">The longest wait between polls of an empty queue (polls back off up to it).</param>
/// <param name="Handle">The handler the function's class calls; the local host's poller calls it through this.</param>
public sealed record QueueFunction(
    string Name,
    FunctionApp App,
    string Queue,
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    QueueHandler Handle)
{
    /// <summary>The Functions runtime's naming rule for the queue that takes messages that kept failing.</summary>
    public string PoisonQueue => Queue + "-poison";
}

/// <summary>Handles one delivery of a queue message, with the services of the host it runs in; throwing fails the try.</summary>
public delegate Task QueueHandler(IServiceProvider services, BinaryData body, string messageId, long dequeueCount, CancellationToken cancellationToken);
