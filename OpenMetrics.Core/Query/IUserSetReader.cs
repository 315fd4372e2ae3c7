using OpenMetrics.Core.Time;


namespace OpenMetrics.Core.Query;

/// <summary>
/// The exact sets of users who did an event (or were active) in UTC hour, day, week and month cells, each user under
/// the id they have now (merges already applied).
/// </summary>
public interface IUserSetReader
{
    /// <summary>What <see cref="ReadAsync"/> takes for "active users" instead of an event name.</summary>
    const string ActiveUsers = "*";

    /// <param name="eventName">An event name, or <see cref="ActiveUsers"/>.</param>
    Task<Dictionary<UtcCell, HashSet<string>>> ReadAsync(IReadOnlyCollection<UtcCell> cells, string eventName, CancellationToken cancellationToken);
}
