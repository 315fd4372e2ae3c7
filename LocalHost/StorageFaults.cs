using Polly;
using Polly.Retry;

namespace OpenMetrics.LocalHost;

/// <summary>
/// How the local host's background loops wait out a storage fault (a timeout, a refused connection, a 5xx): log it,
/// wait a jittered, growing delay, and try again, for as long as the host runs. Jitter keeps the loops of one host
/// (and of several hosts) from hammering a storage account that is coming back all at the same moment.
/// </summary>
internal static class StorageFaults
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    /// <param name="maxDelay">The longest wait between two tries.</param>
    /// <param name="onFault">Called with each fault and the wait before the next try.</param>
    public static ResiliencePipeline RetryForever(TimeProvider clock, TimeSpan maxDelay, Action<Exception, TimeSpan> onFault) =>
        new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                // A storage client's own timeout is an OperationCanceledException too: only the host's stopping ends the tries.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = maxDelay > FirstDelay ? maxDelay : FirstDelay,
                OnRetry = args =>
                {
                    onFault(args.Outcome.Exception!, args.RetryDelay);
                    return default;
                },
            })
            .Build();
}
