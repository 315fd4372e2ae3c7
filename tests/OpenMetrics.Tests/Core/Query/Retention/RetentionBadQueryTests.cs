using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Retention;

/// <summary>docs/query.md, "Errors": every malformed retention query is a 400 (404 for an unknown saved one) with a reason and the field at fault.</summary>
[Collection(QueryCollection.Name)]
public sealed class RetentionBadQueryTests(QueryHostFixture host)
{
    private const string Ok = "\"from\":\"2026-11-01\",\"to\":\"2026-11-08\"";

    public static TheoryData<string, int, string, string?> BadQueries() => new()
    {
        { "[]", 400, "JSON object", null },
        { """{"to":"2026-11-08"}""", 400, "'from' is required", "from" },
        { """{"from":"2026-11-08","to":"2026-11-01"}""", 400, "before 'to'", "from" },
        { """{"from":"2025-01-01","to":"2025-06-01"}""", 400, "at most 92 days", "from" },
        { """{"range":"-3d"}""", 400, "'range' is", "range" },
        { "{" + Ok + ""","period":"year"}""", 400, "Unknown period", "period" },
        { "{" + Ok + ""","periods":0}""", 400, "from 1 to 100", "periods" },
        { "{" + Ok + ""","periods":101}""", 400, "from 1 to 100", "periods" },
        { "{" + Ok + ""","period":"month","periods":12}""", 400, "Use fewer periods", "periods" },
        { "{" + Ok + ""","type":"returning"}""", 400, "Unknown type", "type" },
        { "{" + Ok + ""","unbounded":"yes"}""", 400, "true or false", "unbounded" },
        { "{" + Ok + ""","startEvent":5}""", 400, "an event name", "startEvent" },
        { "{" + Ok + ""","returnEvent":{"event":"buy","filters":[{"prop":"p","op":"like"}]}}""", 400, "Unknown op", "returnEvent.filters[0].op" },
        { "{" + Ok + ""","tz":"Mars/Olympus"}""", 400, "Unknown time zone", "tz" },
        { "{" + Ok + ""","segment":"no-such-segment"}""", 404, "no saved segment", "segment" },
        { """{"id":"no-such-retention"}""", 404, "no saved retention", "id" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_malformed_query_gets_its_status_and_reason(string body, int status, string reason, string? field)
    {
        using var response = await host.Api.PostAsync("/api/query/retention", new StringContent(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        using var error = JsonDocument.Parse(text);
        Assert.Contains(reason, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
    }
}
