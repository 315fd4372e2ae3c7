using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Events;

namespace OpenMetrics.Tests.Core.Analysis;

/// <summary>Stored events for the engines' tests, written the way a reader checks them by hand: names, ISO times, JSON props.</summary>
internal static class StoredEvents
{
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <param name="receivedAt">When the call arrived; by default the event's own time.</param>
    /// <param name="seq">The event's position in its call.</param>
    public static StoredEvent Event(
        string name, string ts, string? props = null, string session = "s1", int seq = 0, string? receivedAt = null, bool active = true, string userKey = "u")
    {
        var time = At(ts);
        return new StoredEvent(
            session,
            $"{session}-{name}-{ts}-{seq}",
            name,
            time,
            receivedAt is null ? time : At(receivedAt),
            seq,
            active,
            props is null ? null : Json(props),
            userKey);
    }

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
