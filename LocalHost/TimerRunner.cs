using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Functions;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Core.Query.Snapshots;

namespace OpenMetrics.LocalHost;

/// <summary>
/// Fires every timer function of <see cref="FunctionCatalog"/> on its NCRONTAB schedule (a <c>%Setting%</c> read from
/// configuration, as the runtime reads app settings), in UTC as Azure does. Like
/// the runtime, a run that overlaps its next occurrence makes that occurrence skip rather than run twice at once.
/// A run that throws (a storage timeout in the compactor's query, say) is logged, and the timer fires again at its next
/// occurrence: nothing a run throws stops the timer, and so the host.
/// </summary>
internal sealed class TimerRunner(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<TimerRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FunctionCatalog.Timers.Select(function => RunAsync(function, stoppingToken)));

    private async Task RunAsync(TimerFunction function, CancellationToken stopping)
    {
        var schedule = CronSchedule.Parse(Schedules.Resolve(function.Schedule, name => configuration[name]));
        var run = HandlerFor(function);
        while (!stopping.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await Task.Delay(schedule.Next(now) - now, clock, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await run(stopping);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                LocalHostLog.TimerFailed(logger, exception, function.Name);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>The handler each timer function's class calls, by function; a catalog entry without one is a bug.</summary>
    private Func<CancellationToken, Task> HandlerFor(TimerFunction function) => function.Name switch
    {
        "CompactAggregates" => services.GetRequiredService<AggregateCompactor>().CompactAsync,
        FunctionCatalog.SnapshotRecentFunction => services.GetRequiredService<SnapshotRefresher>().RefreshRecentAsync,
        FunctionCatalog.SnapshotFullFunction => services.GetRequiredService<SnapshotRefresher>().RefreshAllAsync,
        FunctionCatalog.DataRetentionFunction => services.GetRequiredService<DataRetention>().RunAsync,
        _ => throw new InvalidOperationException($"The local host does not know how to run the timer function {function.Name}."),
    };
}
