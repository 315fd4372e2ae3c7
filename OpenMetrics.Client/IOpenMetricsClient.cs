namespace OpenMetrics.Client;

/// <summary>
/// Logs to an OpenMetrics server. Every method returns at once: calls are queued, sent in the background in order
/// per session, batched, and retried until the server stores them (see <see cref="OpenMetricsClient"/>).
/// </summary>
public interface IOpenMetricsClient
{
    /// <summary>Logs an event in a session.</summary>
    /// <param name="sessionId">The session (for a web app, the browser client's <c>_metricId</c> cookie ties server and page events together; never one fallback id shared by requests without it: every call of a session belongs to one user).</param>
    /// <param name="name">The event's name, at most 255 characters.</param>
    /// <param name="props">Its properties: anything that serializes to a JSON object (an anonymous object, a dictionary, a record), or null.</param>
    /// <param name="timestamp">When it happened; now when null.</param>
    /// <param name="active">False for events the user did not do themselves (an email sent to them): stored, but not counted as activity.</param>
    void LogEvent(string sessionId, string name, object? props = null, DateTimeOffset? timestamp = null, bool active = true);

    /// <summary>Links the session to a user of your product; the session's anonymous user merges into that user.</summary>
    void SetUserId(string sessionId, string userId);

    /// <summary>Sets properties on the session's user (across all their sessions); per key, the later write wins.</summary>
    /// <param name="sessionId">A session of the user.</param>
    /// <param name="props">Anything that serializes to a JSON object.</param>
    void SetUserProperties(string sessionId, object props);

    /// <summary>Sets properties on the session; per key, the later write wins.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="props">Anything that serializes to a JSON object.</param>
    void SetSessionProperties(string sessionId, object props);

    /// <summary>
    /// Sends everything queued before this call now, and completes once the server has stored it (or refused it for
    /// good). While the server is unreachable it keeps retrying: pass a token to give up waiting.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
