using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>Raw events from a list, handed over a UTC day at a time as <see cref="IEventReader"/> promises: only <c>[from, to)</c>, every day once.</summary>
public sealed class InMemoryEvents(QueryLimits? limits = null) : IEventReader
{
    private readonly QueryLimits _limits = limits ?? new QueryLimits();

    public List<StoredEvent> Events { get; } = [];

    /// <summary>Adds one event of <paramref name="session"/>, stored as written by <paramref name="writtenAs"/> (the session's user then).</summary>
    public void Add(string session, string name, DateTimeOffset ts, string writtenAs, string? propsJson = null, bool active = true) =>
        Events.Add(new StoredEvent(
            session, Guid.NewGuid().ToString("N"), name, ts, ts, Events.Count, active,
            propsJson is null ? null : System.Text.Json.JsonDocument.Parse(propsJson).RootElement.Clone(), writtenAs));

    public async Task<long> ScanAsync(DateTimeOffset from, DateTimeOffset to, Func<List<StoredEvent>, Task> onDay, CancellationToken cancellationToken)
    {
        long scanned = 0;
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var dayEvents = Events.Where(e => e.Ts.UtcDateTime.Date == day && e.Ts >= from && e.Ts < to).ToList();
            scanned += dayEvents.Count;
            if (scanned > _limits.MaxRawScanEvents)
            {
                throw new QueryException($"The range holds more than {_limits.MaxRawScanEvents} raw events.", "from");
            }

            await onDay(dayEvents);
        }

        return scanned;
    }
}
