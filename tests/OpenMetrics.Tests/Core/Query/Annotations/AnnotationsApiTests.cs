using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Annotations;

/// <summary>
/// Annotations (docs/metrics-alerts.md, "Annotations") through the local host, stored in a real Azurite. The table is
/// shared by every test of the run, so each test marks a day of its own far from the others and reads only that day.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class AnnotationsApiTests(QueryHostFixture host)
{
    [Fact]
    public async Task Post_list_and_delete_round_trip()
    {
        // 2031-03-04, a day no other test marks.
        using var created = await host.Api.PostAsJsonAsync("/api/annotations", new { t = "2031-03-04T10:00:00+02:00", text = "Release 4.2" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var annotation = await ReadAsync(created);
        var id = annotation.GetProperty("id").GetString()!;
        // 10:00 at +02:00 is 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2031, 3, 4, 8, 0, 0, TimeSpan.Zero), annotation.GetProperty("t").GetDateTimeOffset());
        Assert.Equal("project", annotation.GetProperty("scope").GetString());
        Assert.True(annotation.TryGetProperty("createdAt", out _));

        var listed = await ListAsync("from=2031-03-04T00:00:00Z&to=2031-03-04T23:59:59Z");
        Assert.Equal([id], listed.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Release 4.2", listed[0].GetProperty("text").GetString());

        using var deleted = await host.Api.DeleteAsync($"/api/annotations/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await ListAsync("from=2031-03-04T00:00:00Z&to=2031-03-04T23:59:59Z"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync($"/api/annotations/{id}")).StatusCode);
    }

    [Fact]
    public async Task From_and_to_are_inclusive_and_the_list_is_in_time_order()
    {
        // Three marks on 2032-05-06: 09:00, 12:00, 15:00 (posted out of order).
        foreach (var hour in new[] { 15, 9, 12 })
        {
            using var response = await host.Api.PostAsJsonAsync("/api/annotations", new { t = $"2032-05-06T{hour:D2}:00:00Z", text = $"at {hour}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // 09:00 to 12:00 inclusive: the marks at 9 and 12, not 15.
        var window = await ListAsync("from=2032-05-06T09:00:00Z&to=2032-05-06T12:00:00Z");
        Assert.Equal(["at 9", "at 12"], window.Select(a => a.GetProperty("text").GetString()));

        var day = await ListAsync("from=2032-05-06T00:00:00Z&to=2032-05-07T00:00:00Z");
        Assert.Equal(["at 9", "at 12", "at 15"], day.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_dashboard_sees_the_projects_annotations_and_its_own_only()
    {
        // 2033-07-08: one mark of the project, one of dashboard "home", one of dashboard "ops".
        await PostAsync(new { t = "2033-07-08T01:00:00Z", text = "project-wide", scope = "project" });
        await PostAsync(new { t = "2033-07-08T02:00:00Z", text = "home only", scope = "dashboard:home" });
        await PostAsync(new { t = "2033-07-08T03:00:00Z", text = "ops only", scope = "dashboard:ops" });
        const string Day = "from=2033-07-08T00:00:00Z&to=2033-07-08T23:59:59Z";

        Assert.Equal(["project-wide", "home only"], Texts(await ListAsync(Day + "&scope=dashboard:home")));
        Assert.Equal(["project-wide"], Texts(await ListAsync(Day + "&scope=project")));
        Assert.Equal(["project-wide", "home only", "ops only"], Texts(await ListAsync(Day)));
    }

    [Theory]
    [InlineData("{\"text\": \"no time\"}", "t")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00\", \"text\": \"wall clock, no offset\"}", "t")]
    [InlineData("{\"t\": \"yesterday\", \"text\": \"x\"}", "t")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00Z\"}", "text")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00Z\", \"text\": \"   \"}", "text")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00Z\", \"text\": 5}", "text")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00Z\", \"text\": \"x\", \"scope\": \"team\"}", "scope")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00Z\", \"text\": \"x\", \"scope\": \"dashboard:\"}", "scope")]
    [InlineData("{\"t\": \"2031-01-01T10:00:00Z\", \"text\": \"x\", \"scope\": \"dashboard:a b\"}", "scope")]
    public async Task Bad_annotations_are_400_naming_the_field(string body, string field)
    {
        using var response = await host.Api.PostAsync("/api/annotations", new StringContent(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await ReadAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Text_of_500_characters_is_taken_and_501_refused()
    {
        await PostAsync(new { t = "2034-01-01T00:00:00Z", text = new string('a', 500) });

        using var response = await host.Api.PostAsJsonAsync("/api/annotations", new { t = "2034-01-01T00:00:00Z", text = new string('a', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text", (await ReadAsync(response)).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2031-01-01", "to")]
    [InlineData("scope=team", "scope")]
    [InlineData("from=2031-01-02T00:00:00Z&to=2031-01-01T00:00:00Z", "from")]
    public async Task Bad_filters_are_400_naming_the_argument(string query, string field)
    {
        using var response = await host.Api.GetAsync("/api/annotations?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await ReadAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_bad_id_is_400_and_an_unknown_one_404()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Api.DeleteAsync("/api/annotations/a%20b")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync("/api/annotations/0000000000000000000_never")).StatusCode);
    }

    private async Task PostAsync(object body)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/annotations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<List<JsonElement>> ListAsync(string query)
    {
        using var response = await host.Api.GetAsync("/api/annotations?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadAsync(response)).GetProperty("annotations").EnumerateArray()];
    }

    private static IEnumerable<string?> Texts(List<JsonElement> annotations) => annotations.Select(a => a.GetProperty("text").GetString());

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
