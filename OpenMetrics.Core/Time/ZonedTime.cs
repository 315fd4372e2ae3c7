namespace OpenMetrics.Core.Time;

/// <summary>
/// Wall-clock times of an IANA zone turned into instants the way calendars expect: a local time that a DST change skips
/// (02:30 on a spring-forward day) becomes the first instant after the gap, and one that happens twice (01:30 on a
/// fall-back day) its first occurrence. So a day always starts exactly once, whatever the zone does.
/// </summary>
public static class ZonedTime
{
    public static DateTimeOffset Start(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The instant as the zone's wall clock shows it, with the zone's offset at that instant.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
