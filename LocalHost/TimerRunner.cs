using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.LocalHost;

/// <summary>
/// Fires every timer function of <see cref="FunctionCatalog"/>, calling the handler its entry carries, on its NCRONTAB schedule (a <c>%Setting%</c> read from
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
                await function.Run(services, stopping);
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
}
