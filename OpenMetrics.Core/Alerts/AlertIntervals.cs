using OpenMetrics.Core.Query.CustomMetrics;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Alerts;

/// <summary>
/// The interval an alert checks: the last complete hour or day of its zone's wall clock, <c>[From, To)</c> with
/// <c>To ≤ now</c>. An interval still in progress is never checked, so a value that can still move never fires.
/// </summary>
public static class AlertIntervals
{
    public static MetricWindow LastComplete(AlertInterval interval, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = ZonedTime.InZone(now, zone).DateTime;
        if (interval == AlertInterval.Day)
        {
            return new MetricWindow(ZonedTime.Start(local.Date.AddDays(-1), zone), ZonedTime.Start(local.Date, zone), zone);
        }

        // The local hour began as many minutes ago as its wall clock shows past the hour: an hour is 60 minutes of
        // real time, so a DST change (which moves the wall clock by whole hours) changes neither end.
        var end = now - TimeSpan.FromTicks(local.Ticks % TimeSpan.TicksPerHour);
        return new MetricWindow(end.AddHours(-1), end, zone);
    }
}
