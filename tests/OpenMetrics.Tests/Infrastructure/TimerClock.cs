using Microsoft.Extensions.Time.Testing;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A FakeTimeProvider that tells when timers of a given due time have been asked for: the local host's timer runner
/// asks for one each time it waits for a schedule's next occurrence, so a test knows that the runner is waiting (before
/// it moves the clock) and that a run has finished (when the runner waits again), without polling.
/// </summary>
public sealed class TimerClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TimeSpan, int> _created = [];
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Done)> _watches = [];

    /// <summary>Completes once <paramref name="count"/> timers due after <paramref name="dueTime"/> have been asked for, in all.</summary>
    public Task TimersCreatedAsync(TimeSpan dueTime, int count)
    {
        lock (_gate)
        {
            if (_created.GetValueOrDefault(dueTime) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watches.Add((dueTime, count, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            var created = _created[dueTime] = _created.GetValueOrDefault(dueTime) + 1;
            foreach (var watch in _watches.Where(w => w.DueTime == dueTime && w.Count <= created).ToList())
            {
                watch.Done.SetResult();
                _watches.Remove(watch);
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
