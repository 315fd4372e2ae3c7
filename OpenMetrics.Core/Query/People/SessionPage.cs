using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// One read of a session's stored pages, newest last event first: their events, where the next read starts (null at
/// the end), and the last event time of the oldest page read (null when the read found none), the bound of what is left.
/// </summary>
public sealed record SessionPage(IReadOnlyList<StoredEvent> Events, string? Continuation, DateTimeOffset? OldestLastEvent);
