using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Funnels;

/// <summary>docs/query.md, "Errors": every malformed funnel or drop-off query is a 400 (404 for an unknown saved one) with a reason and the field at fault.</summary>
[Collection(QueryCollection.Name)]
public sealed class FunnelBadQueryTests(QueryHostFixture host)
{
    private const string Steps = "\"steps\":[{\"event\":\"a\"},{\"event\":\"b\"}]";
    private const string Ok = Steps + ",\"from\":\"2026-11-01\",\"to\":\"2026-11-08\"";

    public static TheoryData<string, string, int, string, string?> BadQueries() => new()
    {
        { "/api/query/funnel", "{not json", 400, "not valid JSON", null },
        { "/api/query/funnel", """{"from":"2026-11-01","to":"2026-11-08"}""", 400, "2 to 20 steps", "steps" },
        { "/api/query/funnel", """{"steps":[{"event":"a"}],"from":"2026-11-01","to":"2026-11-08"}""", 400, "2 to 20 steps", "steps" },
        { "/api/query/funnel", """{"steps":["a","b"],"from":"2026-11-01","to":"2026-11-08"}""", 400, "A step is an object", "steps[0]" },
        { "/api/query/funnel", """{"steps":[{"event":"a"},{}],"from":"2026-11-01","to":"2026-11-08"}""", 400, "'event' is required", "steps[1].event" },
        { "/api/query/funnel", "{" + Steps + ""","to":"2026-11-08"}""", 400, "'from' is required", "from" },
        { "/api/query/funnel", "{" + Steps + ""","from":"2026-11-08","to":"2026-11-01"}""", 400, "before 'to'", "from" },
        { "/api/query/funnel", "{" + Steps + ""","from":"2025-01-01","to":"2025-06-01"}""", 400, "at most 92 days", "from" },
        { "/api/query/funnel", "{" + Steps + ""","range":"7 days"}""", 400, "'range' is", "range" },
        { "/api/query/funnel", "{" + Ok + ""","window":"P1M"}""", 400, "ISO-8601 duration", "window" },
        { "/api/query/funnel", "{" + Ok + ""","window":"14 days"}""", 400, "ISO-8601 duration", "window" },
        { "/api/query/funnel", "{" + Ok + ""","window":"PT0S"}""", 400, "longer than zero", "window" },
        { "/api/query/funnel", "{" + Ok + ""","window":"P100D"}""", 400, "at most 92 days", "window" },
        { "/api/query/funnel", "{" + Ok + ""","order":"random"}""", 400, "Unknown order", "order" },
        { "/api/query/funnel", "{" + Ok + ""","tz":"Mars/Olympus"}""", 400, "Unknown time zone", "tz" },
        { "/api/query/funnel", "{" + Ok + ""","exclusions":[{"event":"x","toStep":2}]}""", 400, "from 1 to 1", "exclusions[0].toStep" },
        { "/api/query/funnel", "{" + Ok + ""","exclusions":["x"]}""", 400, "An exclusion is an object", "exclusions[0]" },
        { "/api/query/funnel", "{" + Ok + ""","breakdown":{"on":"user"}}""", 400, "'prop' is required", "breakdown.prop" },
        { "/api/query/funnel", "{" + Ok + ""","segment":{"name":"empty"}}""", 400, "at least one filter or behavior", "segment" },
        { "/api/query/funnel", "{" + Ok + ""","segment":"no-such-segment"}""", 404, "no saved segment", "segment" },
        { "/api/query/funnel", """{"id":"no-such-funnel"}""", 404, "no saved funnel", "id" },
        { "/api/query/funnel", """{"id":7}""", 400, "'id' is the id", "id" },
        { "/api/query/funnel", "{" + Ok + ""","dropoffLimit":5000}""", 400, "from 0 to 1000", "dropoffLimit" },
        { "/api/query/funnel/dropoff", "{" + Ok + "}", 400, "'step' is needed", "step" },
        { "/api/query/funnel/dropoff", "{" + Ok + ""","step":5}""", 400, "from 0 to 1", "step" },
        { "/api/query/funnel/dropoff", "{" + Ok + ""","step":0,"breakdownValue":"nope"}""", 404, "no breakdown value", "breakdownValue" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_malformed_query_gets_its_status_and_reason(string route, string body, int status, string reason, string? field)
    {
        using var response = await host.Api.PostAsync(route, new StringContent(body));

        await AssertErrorAsync(response, status, reason, field);
    }

    [Fact]
    public async Task The_dropoff_route_by_GET_needs_a_saved_funnel()
    {
        using var noId = await host.Api.GetAsync("/api/query/funnel/dropoff?step=1");
        using var unknown = await host.Api.GetAsync("/api/query/funnel/dropoff?id=nope&step=1");

        await AssertErrorAsync(noId, 400, "'id' (a saved funnel) is needed", "id");
        await AssertErrorAsync(unknown, 404, "no saved funnel", "id");
    }

    [Fact]
    public async Task A_saved_funnel_that_cannot_run_is_refused_when_saved()
    {
        using var response = await host.Api.PostAsync("/api/funnels", new StringContent("""{"name":"broken","steps":[{"event":"a"}],"range":"30d"}"""));

        await AssertErrorAsync(response, 400, "2 to 20 steps", "steps");
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string reason, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        using var error = JsonDocument.Parse(text);
        Assert.Contains(reason, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
    }
}
