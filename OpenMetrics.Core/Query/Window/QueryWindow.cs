using System.Text.Json;
using OpenMetrics.Core.Query.Segments;

namespace OpenMetrics.Core.Query.Window;

/// <summary>
/// The fields every query shares (docs/query.md, "Fields every query shares"), read by this one parser so that trends,
/// funnels and retention take them alike and answer the same mistakes with the same 400: the zone <c>tz</c>, the
/// range (<c>range</c>, or <c>from</c> and <c>to</c>: <see cref="QueryRange"/>) and the <c>segment</c>.
/// </summary>
/// <param name="SegmentId">A saved segment's id, to look up; null with an inline <paramref name="Segment"/> or none.</param>
public sealed record QueryWindow(TimeZoneInfo Zone, DateTimeOffset From, DateTimeOffset To, string? SegmentId, SegmentDefinition? Segment)
{
    /// <param name="what">The query's kind in messages: "trends", "funnel", "retention".</param>
    /// <param name="now">Today, for a relative <c>range</c>, is taken in the query's zone at this instant.</param>
    public static QueryWindow Parse(JsonElement body, string what, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException($"A {what} query is a JSON object.", "");
        }

        var zone = QueryFields.Zone(body, "tz", "tz");
        var (from, to) = QueryRange.Parse(body, zone, now);
        var (segmentId, segment) = SegmentField.Parse(body);
        return new QueryWindow(zone, from, to, segmentId, segment);
    }

    /// <summary>The window of a query that reads the raw events (a funnel, a retention): at most <paramref name="maxDays"/> days.</summary>
    public static QueryWindow ParseRaw(JsonElement body, string what, int maxDays, DateTimeOffset now)
    {
        var window = Parse(body, what, now);
        if ((window.To - window.From).TotalDays > maxDays)
        {
            throw new QueryException($"A {what} reads the raw events: its range may be at most {maxDays} days.", "from");
        }

        return window;
    }
}
