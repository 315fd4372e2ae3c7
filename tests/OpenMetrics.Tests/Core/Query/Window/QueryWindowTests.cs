using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Trends;
using OpenMetrics.Core.Query.Window;

namespace OpenMetrics.Tests.Core.Query.Window;

/// <summary>
/// One grammar for every query (docs/query.md, "Fields every query shares"): trends, funnels and retention read the
/// same <c>range</c> or <c>from</c>/<c>to</c>, <c>tz</c> and <c>segment</c>, and answer the same mistakes with the same
/// reason and field. Trends used to answer <c>"range": "7d"</c> with 400 "'from' is required".
/// </summary>
public sealed class QueryWindowTests
{
    /// <summary>Noon UTC on 20 November 2026: 17:30 in Kolkata, the same calendar day.</summary>
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Each kind's own fields, to which a case adds the shared ones.</summary>
    public static TheoryData<string> Kinds => new() { "trends", "funnel", "retention" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_relative_range_is_the_last_days_in_the_querys_zone_today_included(string kind)
    {
        var window = Parse(kind, """ "range": "7d", "tz": "Asia/Kolkata" """);

        // 14 to 20 November in Kolkata (UTC+05:30): [14 Nov 00:00, 21 Nov 00:00) local.
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 18, 30, 0, TimeSpan.Zero), window.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero), window.To);
        Assert.Equal("Asia/Kolkata", window.Zone.Id);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void From_and_to_are_dates_in_the_querys_zone(string kind)
    {
        var window = Parse(kind, """ "from": "2026-11-01", "to": "2026-11-08", "tz": "Europe/Berlin" """);

        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), window.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 7, 23, 0, 0, TimeSpan.Zero), window.To);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_saved_segments_id_is_read_alike(string kind)
    {
        var window = Parse(kind, """ "range": "today", "segment": "buyers" """);

        Assert.Equal("buyers", window.SegmentId);
        Assert.Null(window.Segment);
    }

    public static TheoryData<string, string, string, string> Mistakes()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var kind in new[] { "trends", "funnel", "retention" })
        {
            data.Add(kind, """ "tz": "UTC" """, "'from' is required", "from");
            data.Add(kind, """ "from": "2026-11-01" """, "'to' is required", "to");
            data.Add(kind, """ "from": "2026-11-08", "to": "2026-11-01" """, "'from' must be before 'to'", "from");
            data.Add(kind, """ "range": "7w" """, "'range' is \"today\" or a number of days", "range");
            data.Add(kind, """ "range": 7 """, "", "range");
            data.Add(kind, """ "range": "7d", "tz": "Mars/Olympus" """, "Unknown time zone", "tz");
            data.Add(kind, """ "range": "7d", "segment": 5 """, "", "segment");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_shared_field_is_the_same_400_for_every_kind(string kind, string fields, string reason, string field)
    {
        var error = Assert.Throws<QueryException>(() => Parse(kind, fields));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
    }

    private static QueryWindow Parse(string kind, string sharedFields)
    {
        var limits = new QueryLimits();
        switch (kind)
        {
            case "trends":
                var trends = new TrendsQueryParser(limits, Clock).Parse(Json("""{"series":[{"event":"e"}],""" + sharedFields + "}"));
                return new QueryWindow(trends.Zone, trends.From, trends.To, trends.SegmentId, trends.Segment);
            case "funnel":
                var funnel = new FunnelQueryParser(limits, Clock).Parse(Json("""{"steps":[{"event":"a"},{"event":"b"}],""" + sharedFields + "}"));
                return new QueryWindow(funnel.Zone, funnel.Definition.From, funnel.Definition.To, funnel.SegmentId, funnel.Segment);
            default:
                var retention = new RetentionQueryParser(limits, Clock).Parse(Json("""{"startEvent":"a",""" + sharedFields + "}"));
                return new QueryWindow(retention.Definition.TimeZone, retention.Definition.From, retention.Definition.To, retention.SegmentId, retention.Segment);
        }
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
