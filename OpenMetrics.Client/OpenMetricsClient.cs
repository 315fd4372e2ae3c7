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

    private readonly OpenMetricsClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HttpClient? _ownedHttp;
    private readonly Outbox _outbox;
    private readonly SendLoop _loop;
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
        _outbox = new Outbox(Math.Max(1, options.MaxQueueSize));
        _loop = new SendLoop(options, _outbox, new CallSender(root, options.WriteKey, http, _time, _logger, options.RequestTimeout), _logger, _time);
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
    public Task FlushAsync(CancellationToken cancellationToken = default) => _loop.FlushAsync(cancellationToken);

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

        await _loop.DisposeAsync();
        if (_outbox.Count > 0)
        {
            ClientLog.UnsentAtShutdown(_logger, _outbox.Count, _options.ShutdownTimeout);
        }

        _ownedHttp?.Dispose();
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, blocking; prefer <c>await using</c>.</summary>
    /// <remarks>On the thread pool, so that blocking here cannot deadlock an app with a synchronization context.</remarks>
    public void Dispose() => Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();

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
            _loop.Wake();
        }
    }
}
