namespace OpenMetrics.Core.Query;

/// <summary>Who each session belongs to now, for one query: load the sessions a question needs, then ask.</summary>
public interface ISessionUserLookup
{
    /// <summary>How many sessions one load reads point by point; a larger load may read every session instead.</summary>
    const int PointReadLimit = 200;

    /// <summary>Resolves the given sessions (those not already known) so that <see cref="UserOf"/> answers for them.</summary>
    Task LoadAsync(IEnumerable<string> sessionIds, CancellationToken cancellationToken);

    /// <summary>The session's user now; <paramref name="writtenAs"/> (the user stored with the event) if the session is not loaded.</summary>
    string UserOf(string sessionId, string writtenAs);
}
