using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.People;

/// <summary>Which events a timeline page may show: those after the cursor (older than its event), of one name when asked.</summary>
public sealed record TimelineFilter(TimelinePosition? Before, string? EventName)
{
    public bool Accepts(StoredEvent stored) =>
        (EventName is null || string.Equals(stored.Name, EventName, StringComparison.Ordinal))
        && (Before is null || TimelinePosition.Compare(TimelinePosition.Of(stored), Before) < 0);
}
