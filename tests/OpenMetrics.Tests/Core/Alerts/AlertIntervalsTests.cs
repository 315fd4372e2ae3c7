using OpenMetrics.Core.Alerts;

namespace OpenMetrics.Tests.Core.Alerts;

/// <summary>The interval an alert checks: the last complete hour or day of its zone's wall clock, never one in progress.</summary>
public sealed class AlertIntervalsTests
{
    [Theory]
    // 10:02 UTC: the hour 09:00–10:00 UTC.
    [InlineData("UTC", "2026-11-20T10:02:00Z", "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z")]
    // Exactly on the hour, 10:00 UTC: 09:00–10:00 has just ended, so it is complete.
    [InlineData("UTC", "2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z")]
    // Kolkata is UTC+05:30: 10:02 UTC is 15:32 there; its hour 14:00–15:00 is 08:30–09:30 UTC.
    [InlineData("Asia/Kolkata", "2026-11-20T10:02:00Z", "2026-11-20T08:30:00Z", "2026-11-20T09:30:00Z")]
    // Berlin falls back on 2026-10-25 at 03:00 CEST (01:00 UTC) to 02:00 CET. At 01:30 UTC (02:30 CET, the second
    // 02:xx), the last complete hour is the 60 minutes before the wall clock's 02:00 CET: 00:00–01:00 UTC.
    [InlineData("Europe/Berlin", "2026-10-25T01:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z")]
    public void Hours(string zone, string now, string from, string to)
    {
        var window = AlertIntervals.LastComplete(AlertInterval.Hour, TimeZoneInfo.FindSystemTimeZoneById(zone), DateTimeOffset.Parse(now));

        Assert.Equal(DateTimeOffset.Parse(from), window.From);
        Assert.Equal(DateTimeOffset.Parse(to), window.To);
    }

    [Theory]
    // 10:02 UTC on Nov 20: Nov 19, 00:00–24:00 UTC.
    [InlineData("UTC", "2026-11-20T10:02:00Z", "2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z")]
    // Berlin (CET, UTC+1) at 23:30 UTC on Nov 20 is 00:30 on Nov 21: the day Nov 20 local, 23:00 UTC Nov 19 to 23:00 UTC Nov 20.
    [InlineData("Europe/Berlin", "2026-11-20T23:30:00Z", "2026-11-19T23:00:00Z", "2026-11-20T23:00:00Z")]
    // The fall-back day Oct 25 in Berlin has 25 hours: from 00:00 CEST (Oct 24 22:00 UTC) to 00:00 CET (Oct 25 23:00 UTC).
    [InlineData("Europe/Berlin", "2026-10-26T08:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")]
    public void Days(string zone, string now, string from, string to)
    {
        var window = AlertIntervals.LastComplete(AlertInterval.Day, TimeZoneInfo.FindSystemTimeZoneById(zone), DateTimeOffset.Parse(now));

        Assert.Equal(DateTimeOffset.Parse(from), window.From);
        Assert.Equal(DateTimeOffset.Parse(to), window.To);
    }
}
