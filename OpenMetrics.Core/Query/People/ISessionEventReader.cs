namespace OpenMetrics.Core.Query.People;

/// <summary>A session's events for people: read newest first a page at a time, and counted.</summary>
public interface ISessionEventReader
{
    /// <summary>
    /// Up to <paramref name="rows"/> stored pages of the session, newest last event first, from where
    /// <paramref name="continuation"/> left off (null: from the start); null when nothing is left. With
    /// <paramref name="notAfter"/>, only pages holding an event at or before it.
    /// </summary>
    Task<SessionPage?> ReadAsync(string sessionId, DateTimeOffset? notAfter, string? continuation, int rows, CancellationToken cancellationToken);

    /// <summary>The number of events a session holds.</summary>
    Task<long> CountAsync(string sessionId, CancellationToken cancellationToken);
}
