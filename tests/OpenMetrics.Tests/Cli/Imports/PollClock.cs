using Microsoft.Extensions.Time.Testing;

namespace OpenMetrics.Tests.Cli.Imports;

/// <summary>
/// A fake clock that tells when the run starts waiting, so that a test moves time exactly then: the run's
/// <c>Task.Delay(interval, clock)</c> ends without anyone waiting on the wall clock.
/// </summary>
internal sealed class PollClock : FakeTimeProvider
{
    private readonly SemaphoreSlim timers = new(0);

    public PollClock()
        : base(new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timers.Release();
        return timer;
    }

    /// <summary>
    /// Runs the task to its end, moving the clock by <paramref name="step"/> each time it starts a wait, after
    /// <paramref name="whileWaiting"/> (e.g. a server's queue drained, so that the next poll sees its progress).
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> run, TimeSpan step, Func<Task>? whileWaiting = null)
    {
        while (true)
        {
            var waiting = timers.WaitAsync();
            if (await Task.WhenAny(run, waiting) == run)
            {
                return await run;
            }

            if (whileWaiting is not null)
            {
                await whileWaiting();
            }

            Advance(step);
        }
    }
}
