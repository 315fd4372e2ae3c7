using OpenMetrics.Core.Functions;

namespace OpenMetrics.Apps.Functions;

/// <summary>A timer-triggered function: its name, its app, its NCRONTAB schedule (six fields, seconds first) and its handler.</summary>
/// <param name="Schedule">One of <see cref="Schedules"/>; the local host reads it as the runtime does.</param>
/// <param name="Run">The handler the function's class calls; the local host calls it through this.</param>
public sealed record TimerFunction(string Name, FunctionApp App, string Schedule, TimerHandler Run);

/// <summary>One run of a timer function, with the services of the host it runs in.</summary>
public delegate Task TimerHandler(IServiceProvider services, CancellationToken cancellationToken);
