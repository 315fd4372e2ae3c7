using Microsoft.Extensions.Logging;

namespace OpenMetrics.Client;

/// <summary>
/// The one background loop that sends queued calls: every flush interval, or sooner once enough wait or a flush is
/// asked for; after a failure, again once the retry delay has passed. It also completes flushes, each once every call
/// queued before it is stored, refused for good or dropped.
/// </summary>
internal sealed class SendLoop : IAsyncDisposable
{
    private const int ParallelSessions = 4;

    private readonly OpenMetricsClientOptions _options;
    private readonly Outbox _outbox;
    private readonly CallSender _sender;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _waitersGate = new();
    private readonly List<(long Through, TaskCompletionSource Done)> _waiters = [];
    private readonly Task _running;
    private TaskCompletionSource _wake = NewSignal();
    private volatile bool _flushRequested;

    public SendLoop(OpenMetricsClientOptions options, Outbox outbox, CallSender sender, ILogger logger, TimeProvider time)
    {
        _options = options;
        _outbox = outbox;
        _sender = sender;
        _logger = logger;
        _time = time;
        _running = Task.Run(RunAsync);
    }

    /// <summary>Ends the wait for the flush interval.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Completes once every call queued so far is settled.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersGate)
        {
            _waiters.Add((_outbox.LastSequence, done));
        }

        _flushRequested = true;
        Wake();
        Settle();
        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the loop; a request in flight is abandoned and its calls go back to the outbox.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync()
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            if (failures == 0)
            {
                await WaitForWorkAsync();
            }

            _flushRequested = false;
            var taken = _outbox.TakeAll();
            CallOutcome outcome;
            try
            {
                outcome = taken.Count == 0 ? CallOutcome.Done : await SendAsync(taken);
            }
#pragma warning disable CA1031 // whatever went wrong (a disposed HttpClient, a handler that threw), the loop must go on
            catch (Exception exception)
#pragma warning restore CA1031
            {
                outcome = new CallOutcome(taken, null, exception.Message);
            }

            _outbox.Release(outcome.Unsent);
            if (_outbox.TakeDropped() is > 0 and var dropped)
            {
                ClientLog.Dropped(_logger, _options.MaxQueueSize, dropped);
            }

            Settle();
            if (outcome.Unsent.Count == 0 || _stopping.IsCancellationRequested)
            {
                failures = 0;
                continue;
            }

            failures++;
            var delay = RetryDelay.Next(failures, outcome.RetryAfter, _options.MaxRetryDelay);
            ClientLog.WillRetry(_logger, outcome.Unsent.Count, outcome.Reason ?? "no answer", delay);
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Until the interval passes, a flush is asked for, or enough calls wait.</summary>
    private async Task WaitForWorkAsync()
    {
        if (_flushRequested || _outbox.Count >= _options.FlushAt)
        {
            return;
        }

        var wake = Volatile.Read(ref _wake);
        using var interval = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        await Task.WhenAny(wake.Task, Task.Delay(_options.FlushInterval, _time, interval.Token));
        await interval.CancelAsync();
        if (wake.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _wake, NewSignal(), wake);
        }
    }

    /// <summary>Each session's requests in order, a few sessions at a time; a session stops at its first failure.</summary>
    private async Task<CallOutcome> SendAsync(List<PendingCall> taken)
    {
        var unsent = new List<PendingCall>();
        TimeSpan? retryAfter = null;
        string? reason = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelSessions };
        await Parallel.ForEachAsync(CallPlan.BySession(taken, Math.Max(1, _options.MaxEventsPerCall)), parallel, async (session, _) =>
        {
            for (var i = 0; i < session.Count; i++)
            {
                var outcome = await _sender.SendAsync(session[i], _stopping.Token);
                if (outcome.Unsent.Count == 0)
                {
                    continue;
                }

                lock (unsent)
                {
                    unsent.AddRange(outcome.Unsent);
                    unsent.AddRange(session.Skip(i + 1).SelectMany(call => call.Items));
                    retryAfter = retryAfter is null || outcome.RetryAfter > retryAfter ? outcome.RetryAfter : retryAfter;
                    reason ??= outcome.Reason;
                }

                return;
            }
        });
        return unsent.Count == 0 ? CallOutcome.Done : new CallOutcome(unsent, retryAfter, reason);
    }

    /// <summary>Completes the flushes whose calls are all settled.</summary>
    private void Settle()
    {
        var oldestPending = _outbox.OldestPending;
        lock (_waitersGate)
        {
            _waiters.RemoveAll(waiter =>
            {
                if (waiter.Through >= oldestPending)
                {
                    return false;
                }

                waiter.Done.TrySetResult();
                return true;
            });
        }
    }
}
