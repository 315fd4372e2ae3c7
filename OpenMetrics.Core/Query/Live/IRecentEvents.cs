using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.Live;

/// <summary>Raw events of the last hour or two, by the time their page's last event was logged.</summary>
public interface IRecentEvents
{
    /// <summary>Every event of the pages, in the given UTC hours, whose last event falls in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    Task<List<StoredEvent>> ReadAsync(IEnumerable<DateTimeOffset> hours, DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken);
}
