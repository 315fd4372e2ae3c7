using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenMetrics.Client;

/// <summary>
/// Logs to an OpenMetrics server from .NET. Calls are queued and sent by one background loop: every
/// <see cref="OpenMetricsClientOptions.FlushInterval"/>, or sooner once <see cref="OpenMetricsClientOptions.FlushAt"/>
/// wait; each session's calls in the order they were made, its events batched. A call the server did not take (no
/// answer, 408, 429, 5xx) is sent again after its Retry-After or an exponential backoff, with the same event ids, so
/// that the server counts a retried event once. Disposing sends what is queued first (within
/// <see cref="OpenMetricsClientOptions.ShutdownTimeout"/>). Thread-safe; make one and share it.
/// </summary>
public sealed class OpenMetricsClient : IOpenMetricsClient, IAsyncDisposable, IDisposable
{
    private const int MaxNameLength = 255;
    private const int ParallelSessions = 4;

    private readonly OpenMetricsClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CallSender _sender;
    private readonly HttpClient? _ownedHttp;
    private readonly Outbox _outbox;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _waitersGate = new();
    private readonly List<(long Through, TaskCompletionSource Done)> _waiters = [];
    private readonly Task _loop;
    private TaskCompletionSource _wake = NewSignal();
    private volatile bool _flushRequested;
    private int _disposed;

    /// <summary>A client with its own HttpClient (or <paramref name="httpClient"/>, which it then does not dispose).</summary>
    /// <param name="options">Where the server is and how to batch; <see cref="OpenMetricsClientOptions.ServerUrl"/> is required.</param>
    /// <param name="httpClient">The HttpClient to send with; one of its own when null.</param>
    /// <param name="logger">Where retries, refusals and drops are logged.</param>
    /// <param name="timeProvider">The clock for event times and waits; the system's when null.</param>
    public OpenMetricsClient(OpenMetricsClientOptions options, HttpClient? httpClient = null, ILogger<OpenMetricsClient>? logger = null, TimeProvider? timeProvider = null)
        : this(options, httpClient ?? new HttpClient(), ownsHttp: httpClient is null, logger, timeProvider)
    {
    }

    private OpenMetricsClient(OpenMetricsClientOptions options, HttpClient http, bool ownsHttp, ILogger? logger, TimeProvider? timeProvider)
        : this(options, () => http, logger, timeProvider)
    {
        _ownedHttp = ownsHttp ? http : null;
    }

    /// <summary>For dependency injection: a fresh HttpClient from the factory for each request, as IHttpClientFactory intends.</summary>
    internal OpenMetricsClient(OpenMetricsClientOptions options, Func<HttpClient> http, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ServerUrl is not { IsAbsoluteUri: true } server)
        {
            throw new ArgumentException("OpenMetricsClientOptions.ServerUrl must be the ingest app's absolute address, such as http://localhost:7071.", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        // The routes are relative to the address, which may have a path of its own.
        var root = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _sender = new CallSender(root, http, _time, _logger, options.RequestTimeout);
        _outbox = new Outbox(Math.Max(1, options.MaxQueueSize));
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public void LogEvent(string sessionId, string name, object? props = null, DateTimeOffset? timestamp = null, bool active = true)
    {
        CheckSession(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"An event name has at most {MaxNameLength} characters.", nameof(name));
        }

        var propsJson = props is null ? (JsonElement?)null : ObjectJson(props, nameof(props));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteNumber("ts", (timestamp ?? _time.GetUtcNow()).ToUnixTimeMilliseconds());
            // The server drops an event whose id the session already delivered: a retry counts once.
            writer.WriteString("id", Guid.NewGuid().ToString("N"));
            if (propsJson is { } json)
            {
                writer.WritePropertyName("props");
                json.WriteTo(writer);
            }

            if (!active)
            {
                writer.WriteStartObject("options");
                writer.WriteBoolean("active", false);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        Enqueue(sessionId, PendingCall.Events, null, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <inheritdoc />
    public void SetUserId(string sessionId, string userId)
    {
        CheckSession(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        Enqueue(sessionId, PendingCall.SetUserId, "userId", JsonSerializer.Serialize(userId));
    }

    /// <inheritdoc />
    public void SetUserProperties(string sessionId, object props)
    {
        CheckSession(sessionId);
        ArgumentNullException.ThrowIfNull(props);
        Enqueue(sessionId, PendingCall.SetUserProps, "props", ObjectJson(props, nameof(props)).GetRawText());
    }

    /// <inheritdoc />
    public void SetSessionProperties(string sessionId, object props)
    {
        CheckSession(sessionId);
        ArgumentNullException.ThrowIfNull(props);
        Enqueue(sessionId, PendingCall.SetSessionProps, "props", ObjectJson(props, nameof(props)).GetRawText());
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
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

    /// <summary>Sends what is queued (waiting up to <see cref="OpenMetricsClientOptions.ShutdownTimeout"/>), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(_options.ShutdownTimeout, _time))
        {
            try
            {
                await FlushAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Logged below, once the loop has given back what it held.
            }
        }

        await _stopping.CancelAsync();
        await _loop;
        if (_outbox.Count > 0)
        {
            ClientLog.UnsentAtShutdown(_logger, _outbox.Count, _options.ShutdownTimeout);
        }

        _ownedHttp?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, blocking; prefer <c>await using</c>.</summary>
    /// <remarks>On the thread pool, so that blocking here cannot deadlock an app with a synchronization context.</remarks>
    public void Dispose() => Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void CheckSession(string sessionId) => ArgumentException.ThrowIfNullOrEmpty(sessionId);

    /// <summary>Props are what serializes to a JSON object; the server would refuse anything else, later and out of sight.</summary>
    private static JsonElement ObjectJson(object props, string parameter)
    {
        var json = props as JsonElement? ?? JsonSerializer.SerializeToElement(props, props.GetType());
        return json.ValueKind == JsonValueKind.Object
            ? json
            : throw new ArgumentException($"Properties must serialize to a JSON object, not {json.ValueKind}.", parameter);
    }

    private void Enqueue(string sessionId, string route, string? field, string json)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            ClientLog.AfterDispose(_logger, route, sessionId);
            return;
        }

        if (_outbox.Add(sessionId, route, field, json) >= _options.FlushAt)
        {
            Wake();
        }
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

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
                    retryAfter = outcome.RetryAfter > retryAfter || retryAfter is null ? outcome.RetryAfter : retryAfter;
                    reason ??= outcome.Reason;
                }

                return;
            }
        });
        return unsent.Count == 0 ? CallOutcome.Done : new CallOutcome(unsent, retryAfter, reason);
    }

    /// <summary>Completes the flushes whose calls are all stored (or dropped, or refused for good).</summary>
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
