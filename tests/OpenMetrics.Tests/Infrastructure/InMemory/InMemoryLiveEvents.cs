using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query.Live;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>Recent raw events and per-minute counts from a list, for the live view without a table.</summary>
public sealed class InMemoryLiveEvents : IRecentEvents, IMinuteCounts
{
    public List<StoredEvent> Events { get; } = [];

    public Task<List<StoredEvent>> ReadAsync(IEnumerable<DateTimeOffset> hours, DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var wanted = hours.ToHashSet();
        return Task.FromResult(Events
            .Where(e => wanted.Contains(HourOf(e.Ts)) && e.Ts >= from && (until is not { } end || e.Ts < end))
            .ToList());
    }

    public Task<long[]> ReadAsync(DateTimeOffset firstMinute, int minutes, string? eventName, CancellationToken cancellationToken)
    {
        var counts = new long[minutes];
        foreach (var stored in Events.Where(e => eventName is null || e.Name == eventName))
        {
            var index = (int)Math.Floor((stored.Ts - firstMinute).TotalMinutes);
            if (index >= 0 && index < minutes)
            {
                counts[index]++;
            }
        }

        return Task.FromResult(counts);
    }

    private static DateTimeOffset HourOf(DateTimeOffset ts) => new(ts.UtcTicks - (ts.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}
