using System.Text.Json;

namespace OpenMetrics.Core.Events;

/// <summary>A raw event as stored: what the client logged, when, in which session, and by whom at the time it was written.</summary>
/// <param name="UserKey">The session's user when the event was written; queries resolve the session's user at query time instead.</param>
public sealed record StoredEvent(
    string SessionId,
    string EventId,
    string Name,
    DateTimeOffset Ts,
    DateTimeOffset ReceivedAt,
    int Seq,
    bool Active,
    JsonElement? Props,
    string UserKey);
