namespace OpenMetrics.Client;

/// <summary>
/// The calls queued and not yet stored by the server, oldest first, bounded: past its capacity the oldest event
/// goes first (then the oldest call), so that a long outage costs some old events rather than the process's memory.
/// The send loop takes everything, and gives back what it could not send; until then the taken calls still count as
/// pending, so that a flush knows what it is waiting for.
/// </summary>
internal sealed class Outbox(int capacity)
{
    private readonly object _gate = new();
    private readonly LinkedList<PendingCall> _calls = new();
    private long _sequence;
    private long _takenOldest = long.MaxValue;
    private long _dropped;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>The sequence of the last call queued.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The oldest call neither stored nor dropped, taken or not; <see cref="long.MaxValue"/> when there is none.</summary>
    public long OldestPending
    {
        get
        {
            lock (_gate)
            {
                return Math.Min(_takenOldest, _calls.First?.Value.Sequence ?? long.MaxValue);
            }
        }
    }

    /// <summary>Queues a call (its sequence given here, so that the order is the order of this lock); returns how many wait.</summary>
    public int Add(string sessionId, string route, string? field, string json)
    {
        lock (_gate)
        {
            _calls.AddLast(new PendingCall(++_sequence, sessionId, route, field, json));
            Trim();
            return _calls.Count;
        }
    }

    public List<PendingCall> TakeAll()
    {
        lock (_gate)
        {
            var taken = _calls.ToList();
            _calls.Clear();
            _takenOldest = taken.Count > 0 ? taken[0].Sequence : long.MaxValue;
            return taken;
        }
    }

    /// <summary>Ends a send: what was not stored goes back in front of everything queued since, in its order.</summary>
    public void Release(IEnumerable<PendingCall> unsent)
    {
        lock (_gate)
        {
            foreach (var call in unsent.OrderByDescending(c => c.Sequence))
            {
                _calls.AddFirst(call);
            }

            _takenOldest = long.MaxValue;
            Trim();
        }
    }

    /// <summary>How many calls were dropped since the last time this was asked.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

    private void Trim()
    {
        while (_calls.Count > capacity)
        {
            var victim = _calls.First!;
            for (var node = victim; node is not null; node = node.Next)
            {
                if (node.Value.IsEvent)
                {
                    victim = node;
                    break;
                }
            }

            _calls.Remove(victim);
            Interlocked.Increment(ref _dropped);
        }
    }
}
