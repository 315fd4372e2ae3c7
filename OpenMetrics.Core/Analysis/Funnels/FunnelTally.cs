namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// What a funnel keeps while users stream through it, for all users or for one breakdown value: users per step, the
/// conversion times of each step (needed whole for an exact median), and the first drop-offs of each step.
/// </summary>
internal sealed class FunnelTally
{
    private readonly int[] _users;
    private readonly List<long>[] _ticksFromPrevious;
    private readonly List<string>[] _droppedOff;
    private readonly int _dropOffLimit;

    public FunnelTally(int steps, int dropOffLimit)
    {
        _users = new int[steps];
        _ticksFromPrevious = [.. Enumerable.Range(0, steps).Select(_ => new List<long>())];
        _droppedOff = [.. Enumerable.Range(0, steps).Select(_ => new List<string>())];
        _dropOffLimit = dropOffLimit;
    }

    public int EnteredUsers => _users[0];

    /// <summary>Counts a user at every step up to <paramref name="reach"/> (1-based), with the times of the counted entry.</summary>
    public void Add(string userKey, int reach, ReadOnlySpan<long> stepTicks)
    {
        for (var step = 0; step < reach; step++)
        {
            _users[step]++;
            if (step > 0)
            {
                _ticksFromPrevious[step].Add(stepTicks[step] - stepTicks[step - 1]);
            }
        }

        if (reach < _users.Length && _droppedOff[reach - 1].Count < _dropOffLimit)
        {
            _droppedOff[reach - 1].Add(userKey);
        }
    }

    public void Add(FunnelTally other)
    {
        for (var step = 0; step < _users.Length; step++)
        {
            _users[step] += other._users[step];
            _ticksFromPrevious[step].AddRange(other._ticksFromPrevious[step]);
            _droppedOff[step].AddRange(other._droppedOff[step].Take(_dropOffLimit - _droppedOff[step].Count));
        }
    }

    public List<FunnelStepResult> Steps(IReadOnlyList<FunnelStep> steps)
    {
        var results = new List<FunnelStepResult>(steps.Count);
        for (var step = 0; step < steps.Count; step++)
        {
            var users = _users[step];
            var previous = step == 0 ? users : _users[step - 1];
            var times = _ticksFromPrevious[step];
            results.Add(new FunnelStepResult(
                steps[step].Event,
                users,
                step == 0 ? 100.0 : Percent(users, _users[0]),
                step == 0 ? 100.0 : Percent(users, previous),
                times.Count == 0 ? null : Median(times) / TimeSpan.TicksPerSecond,
                times.Count == 0 ? null : Mean(times) / TimeSpan.TicksPerSecond,
                step + 1 < steps.Count ? users - _users[step + 1] : 0,
                [.. _droppedOff[step]]));
        }

        return results;
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0.0 : 100.0 * part / whole;

    /// <summary>Summed as doubles: a million two-week conversions overflow a sum of ticks kept as a long.</summary>
    private static double Mean(List<long> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Count;
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    private static double Median(List<long> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] / 2.0) + (sorted[middle] / 2.0);
    }
}
