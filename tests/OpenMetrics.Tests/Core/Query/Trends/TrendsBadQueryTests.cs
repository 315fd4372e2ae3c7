using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>docs/query.md, "Errors": every malformed trends query is a 400 with a reason and the field at fault, never a 500.</summary>
[Collection(QueryCollection.Name)]
public sealed class TrendsBadQueryTests(QueryHostFixture host)
{
    private const string Ok = "\"series\":[{\"event\":\"e\"}],\"from\":\"2026-11-01\",\"to\":\"2026-11-08\"";

    public static TheoryData<string, string, string?> BadQueries() => new()
    {
        { "{not json", "not valid JSON", null },
        { "[]", "JSON object", null },
        { "", "empty", null },
        { "{" + Ok + ""","measure":"median"}""", "Unknown measure", "measure" },
        { "{" + Ok + ""","interval":"fortnight"}""", "Unknown interval", "interval" },
        { "{" + Ok + ""","tz":"Mars/Olympus"}""", "Unknown time zone", "tz" },
        { """{"series":[{"event":"e"}],"from":"2026-11-08","to":"2026-11-01"}""", "before 'to'", "from" },
        { """{"series":[{"event":"e"}],"from":"2026-11-01","to":"2026-11-01"}""", "before 'to'", "from" },
        { """{"series":[{"event":"e"}],"from":"yesterday","to":"2026-11-01"}""", "not a date", "from" },
        { """{"series":[{"event":"e"}],"from":"2026-11-01"}""", "'to' is required", "to" },
        { """{"series":[{"event":"e"}],"from":"2026-01-01","to":"2026-03-01","interval":"minute"}""", "too large for interval 'minute'", "interval" },
        { """{"series":[{"event":"e"}],"from":"2026-01-01","to":"2026-06-01","interval":"hour"}""", "too large for interval 'hour'", "interval" },
        { """{"from":"2026-11-01","to":"2026-11-08"}""", "at least one event", "series" },
        { """{"series":[],"from":"2026-11-01","to":"2026-11-08"}""", "at least one event", "series" },
        { """{"series":{"event":"e"},"from":"2026-11-01","to":"2026-11-08"}""", "must be an array", "series" },
        { """{"series":[{}],"from":"2026-11-01","to":"2026-11-08"}""", "'event' is required", "series[0].event" },
        { """{"series":[{"event":5}],"from":"2026-11-01","to":"2026-11-08"}""", "non-empty string", "series[0].event" },
        { """{"series":[{"event":"a"},{"event":"b"},{"event":"c"},{"event":"d"},{"event":"e"},{"event":"f"},{"event":"g"},{"event":"h"},{"event":"i"},{"event":"j"},{"event":"k"}],"from":"2026-11-01","to":"2026-11-08"}""", "At most 10 series", "series" },
        { "{" + Ok + ""","measure":"sum"}""", "needs 'prop'", "prop" },
        { """{"series":[{"event":"e","filters":[{"prop":"p","op":"like","value":"x"}]}],"from":"2026-11-01","to":"2026-11-08"}""", "Unknown op", "series[0].filters[0].op" },
        { """{"series":[{"event":"e","filters":[{"op":"eq","value":"x"}]}],"from":"2026-11-01","to":"2026-11-08"}""", "'prop' is required", "series[0].filters[0].prop" },
        { """{"series":[{"event":"e","filters":[{"prop":"p","op":"in","value":"x"}]}],"from":"2026-11-01","to":"2026-11-08"}""", "JSON array", "series[0].filters[0].value" },
        { """{"series":[{"event":"e","filters":[{"prop":"p","op":"eq"}]}],"from":"2026-11-01","to":"2026-11-08"}""", "needs a value", "series[0].filters[0].value" },
        { """{"series":[{"event":"e","filters":[{"prop":"p","op":"gt","value":true}]}],"from":"2026-11-01","to":"2026-11-08"}""", "needs a number", "series[0].filters[0].value" },
        { """{"series":[{"event":"e","filters":[{"prop":"p","op":"eq","value":"x","on":"device"}]}],"from":"2026-11-01","to":"2026-11-08"}""", "Unknown on", "series[0].filters[0].on" },
        { "{" + Ok + ""","breakdown":{"on":"user"}}""", "'prop' is required", "breakdown.prop" },
        { "{" + Ok + ""","breakdown":{"prop":"p","limit":0}}""", "from 1 to 100", "breakdown.limit" },
        { "{" + Ok + ""","formula":"A / C"}""", "no series C", "formula" },
        { "{" + Ok + ""","formula":"A +"}""", "cannot be read", "formula" },
        { "{" + Ok + ""","formula":"(A"}""", "')' is missing", "formula" },
        { "{" + Ok + ""","segment":{"name":"empty"}}""", "at least one filter or behavior", "segment" },
        { "{" + Ok + ""","segment":{"behaviors":[{"event":"buy","withinDays":1000}]}}""", "from 1 to 365", "segment.behaviors[0].withinDays" },
        { "{" + Ok + ""","segment":{"filters":[{"prop":"p","value":"x","on":"session"}]}}""", "only user properties", "segment.filters[0].on" },
        { "{" + Ok + ""","source":"cache"}""", "Unknown source", "source" },
        { """{"series":[{"event":"e"}],"from":"2025-01-01","to":"2025-12-01","filters":[],"breakdown":{"prop":"p","on":"user"}}""", "longer than 92 days", "from" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_malformed_query_is_a_400_with_its_reason(string body, string reason, string? field)
    {
        using var response = await host.Api.PostAsync("/api/query/trends", new StringContent(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(400 == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        using var error = JsonDocument.Parse(text);
        Assert.Contains(reason, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
    }
}
