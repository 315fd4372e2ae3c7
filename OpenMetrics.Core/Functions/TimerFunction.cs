namespace OpenMetrics.Core.Functions;

/// <summary>A timer-triggered function: its name, its app and its NCRONTAB schedule (six fields, seconds first).</summary>
/// <param name="Schedule">One of <see cref="Schedules"/>; <see cref="CronSchedule"/> reads it in the local host.</param>
public sealed record TimerFunction(string Name, FunctionApp App, string Schedule);
