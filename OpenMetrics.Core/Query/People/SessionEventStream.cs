using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// One session's events newest first, read lazily for a timeline's merge. <see cref="Bound"/> is the latest time an
/// event not yet read can have: before the first read, the session's last seen (plus the minute it may lag behind);
/// after a read, the last event time of the oldest page read, since pages come newest last event first. A merge
/// takes a buffered event only when no stream's bound could still hold a newer one. Reads start small and grow
/// fourfold: a row holds up to a whole call's events (often 50), so a page of a busy session needs few rows.
/// </summary>
internal sealed class SessionEventStream
{
    private const int MaxRows = 1000;

    private readonly Func<string?, int, Task<SessionPage?>> _read;
    private readonly TimelineFilter _filter;
    private readonly PriorityQueue<StoredEvent, TimelinePosition> _buffer = new(TimelinePosition.NewestFirst);
    private string? _continuation;
    private int _rows;

    /// <param name="read">Reads the session's stored pages: from a continuation (null: the start), up to so many rows.</param>
    /// <param name="firstRows">Rows of the first read.</param>
    public SessionEventStream(Func<string?, int, Task<SessionPage?>> read, TimelineFilter filter, DateTimeOffset bound, int firstRows)
    {
        _read = read;
        _filter = filter;
        _rows = firstRows;
        Bound = Cap(bound);
    }

    /// <summary>The latest time of an event not yet read; null once the session has been read to its end.</summary>
    public DateTimeOffset? Bound { get; private set; }

    /// <summary>The newest event read and not yet taken.</summary>
    public StoredEvent? Head => _buffer.TryPeek(out var head, out _) ? head : null;

    public StoredEvent Take() => _buffer.Dequeue();

    /// <summary>Reads the next table page of the session's pages into the buffer.</summary>
    public async Task ReadAsync()
    {
        var page = await _read(_continuation, _rows);
        _rows = Math.Min(_rows * 4, MaxRows);
        if (page is null)
        {
            Bound = null;
            return;
        }

        foreach (var stored in page.Events)
        {
            if (_filter.Accepts(stored))
            {
                _buffer.Enqueue(stored, TimelinePosition.Of(stored));
            }
        }

        _continuation = page.Continuation;
        if (_continuation is null)
        {
            Bound = null;
        }
        else if (page.OldestLastEvent is { } oldestLast)
        {
            Bound = Cap(oldestLast);
        }
    }

    /// <summary>Events after the cursor are filtered out, so nothing unread is later than the cursor's time.</summary>
    private DateTimeOffset Cap(DateTimeOffset bound) => _filter.Before is { } before && before.Ts < bound ? before.Ts : bound;
}
