using OpenMetrics.Core.Query;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>
/// The users of each event (and the active users) per UTC hour, day, week from Monday and month, as
/// <see cref="IUserSetReader"/> reads them: every cell asked for is in the answer, empty when nobody is in it.
/// </summary>
public sealed class InMemoryUserSets : IUserSetReader
{
    private readonly Dictionary<(UtcCell Cell, string Event), HashSet<string>> _stored = [];

    /// <summary>Records that <paramref name="user"/> (the id they have now) did <paramref name="eventName"/> at <paramref name="ts"/>.</summary>
    public void Add(string user, string eventName, DateTimeOffset ts, bool active = true)
    {
        var utc = ts.UtcDateTime;
        var day = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        var cells = new[]
        {
            new UtcCell(CellLevel.Hour, day.AddHours(utc.Hour)),
            new UtcCell(CellLevel.Day, day),
            new UtcCell(CellLevel.Week, day.AddDays(-(((int)utc.DayOfWeek + 6) % 7))),
            new UtcCell(CellLevel.Month, new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero)),
        };
        foreach (var cell in cells)
        {
            Set(cell, eventName).Add(user);
            if (active)
            {
                Set(cell, IUserSetReader.ActiveUsers).Add(user);
            }
        }
    }

    public Task<Dictionary<UtcCell, HashSet<string>>> ReadAsync(IReadOnlyCollection<UtcCell> cells, string eventName, CancellationToken cancellationToken) =>
        Task.FromResult(cells.Distinct().ToDictionary(
            cell => cell,
            cell => _stored.TryGetValue((cell, eventName), out var users) ? new HashSet<string>(users, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal)));

    private HashSet<string> Set(UtcCell cell, string eventName)
    {
        if (!_stored.TryGetValue((cell, eventName), out var users))
        {
            users = new HashSet<string>(StringComparer.Ordinal);
            _stored[(cell, eventName)] = users;
        }

        return users;
    }
}
