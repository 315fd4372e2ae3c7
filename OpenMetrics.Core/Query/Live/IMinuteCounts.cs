namespace OpenMetrics.Core.Query.Live;

/// <summary>Events per UTC minute, counted as soon as the poller has processed their message.</summary>
public interface IMinuteCounts
{
    /// <param name="eventName">Only this event when given; every event otherwise.</param>
    /// <returns>One count per minute from <paramref name="firstMinute"/> on.</returns>
    Task<long[]> ReadAsync(DateTimeOffset firstMinute, int minutes, string? eventName, CancellationToken cancellationToken);
}
