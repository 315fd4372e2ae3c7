using Azure.Core;
using Azure.Core.Pipeline;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// Azure.Core's retry (exponential, jittered, a 429's or 503's Retry-After honoured exactly), except that a server
/// asking to wait longer than <paramref name="maxWait"/> is not retried: a timer run does not sleep for minutes, the
/// source records that it was throttled and its next run asks again.
/// </summary>
internal sealed class ThrottleAwareRetryPolicy(int maxRetries, TimeSpan delay, TimeSpan maxWait)
    : RetryPolicy(maxRetries, DelayStrategy.CreateExponentialDelayStrategy(delay, maxWait))
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !AsksTooLong(message) && base.ShouldRetry(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        !AsksTooLong(message) && await base.ShouldRetryAsync(message, exception);

    private bool AsksTooLong(HttpMessage message) =>
        message.HasResponse && RetryAfter.Of(message.Response) is { } wait && wait > maxWait;
}
