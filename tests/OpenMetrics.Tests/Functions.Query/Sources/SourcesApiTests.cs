using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Functions.Query.Sources;

/// <summary>
/// <c>/api/sources</c> end to end: the local host, Azurite (the Sources and MetricPoints tables), the real clients
/// against the local response server. The clock stands at 2026-11-20 12:00 UTC.
/// </summary>
[Collection(SourcesCollection.Name)]
public sealed class SourcesApiTests(SourcesHostFixture host)
{
    private readonly string _id = "src-" + Guid.NewGuid().ToString("N")[..8];

    private string ResourceId => $"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Web/sites/{_id}";

    // Three hourly buckets of one series.
    private const string ThreeHours = """
        {"timespan":"x","interval":"PT1H","value":[{"name":{"value":"Requests"},"unit":"Count","timeseries":[{"metadatavalues":[],
          "data":[{"timeStamp":"2026-11-20T09:00:00Z","total":10},{"timeStamp":"2026-11-20T10:00:00Z","total":20},{"timeStamp":"2026-11-20T11:00:00Z","total":5}]}]}]}
        """;

    private string AzureMonitorBody => $$"""{"kind":"azureMonitor","resourceId":"{{ResourceId}}","metricName":"Requests","interval":"PT1H","backfillDays":2}""";

    [Fact]
    public async Task A_put_source_is_read_back_with_its_defaults_and_state()
    {
        using var created = await PutAsync(_id, AzureMonitorBody);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var source = await host.GetQueryAsync($"/api/sources/{_id}");

        Assert.Equal("azureMonitor", source.GetProperty("kind").GetString());
        Assert.Equal(_id, source.GetProperty("metric").GetString());
        Assert.Equal("0 */15 * * * *", source.GetProperty("schedule").GetString());
        Assert.Equal("Total", source.GetProperty("aggregation").GetString());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("state").GetProperty("lastRunAt").ValueKind);
        // Due at once: the next timer tick runs it.
        Assert.Equal(SourcesHostFixture.Now, source.GetProperty("state").GetProperty("nextDueAt").GetDateTimeOffset());

        using var replaced = await PutAsync(_id, AzureMonitorBody.Replace("\"PT1H\"", "\"PT5M\""));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var list = await host.GetQueryAsync("/api/sources");
        var listed = Assert.Single(list.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == _id);
        Assert.Equal("PT5M", listed.GetProperty("interval").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"azureMonitor","metricName":"Requests"}""", "resourceId")]
    [InlineData("""{"kind":"http","url":"http://169.254.169.254/metadata/identity/oauth2/token","timePath":"$.t","valuePath":"$.v"}""", "url")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"$.t[","valuePath":"$.v"}""", "timePath")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"$.t","valuePath":"$.v","headers":{"Authorization":"Bearer sk_live_123"}}""", "headers.Authorization")]
    [InlineData("""{"kind":"logAnalytics","workspaceId":"log-demo","query":"AppRequests"}""", "workspaceId")]
    public async Task A_bad_definition_is_a_400_naming_the_field(string body, string field)
    {
        using var response = await PutAsync(_id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/sources/{_id}")).StatusCode);
    }

    [Fact]
    public async Task Run_writes_the_points_and_a_second_run_rewrites_the_overlap_instead_of_adding()
    {
        host.Responder.Reply = request => request.PathAndQuery.StartsWith(ResourceId) ? SourceReplies.Json(ThreeHours) : new Reply(404, "{}");
        (await PutAsync(_id, AzureMonitorBody)).Dispose();
        host.Responder.Requests.Clear();

        var first = await host.PostQueryAsync($"/api/sources/{_id}/run", "");
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var second = await host.PostQueryAsync($"/api/sources/{_id}/run", "");

        // Each run wrote the three buckets; the second rewrote them: 3 stored, 3 + 3 = 6 written in all.
        Assert.Equal(3, first.GetProperty("state").GetProperty("pointsWritten").GetInt32());
        Assert.Equal(6, second.GetProperty("state").GetProperty("totalPointsWritten").GetInt64());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("state").GetProperty("lastError").ValueKind);
        var points = await ReadAsync(_id);
        Assert.Equal([10.0, 20.0, 5.0], points.Select(p => p.V));

        // The first run reached back 2 days (backfillDays) from 12:00; the second from the newest point, 11:00, less
        // the PT1H interval: 10:00, to its own now, 12:15.
        var windows = host.Responder.Requests.Select(r => Uri.UnescapeDataString(r.PathAndQuery.Split("timespan=")[1].Split('&')[0])).ToList();
        Assert.Equal(["2026-11-18T12:00:00Z/2026-11-20T12:00:00Z", "2026-11-20T10:00:00Z/2026-11-20T12:15:00Z"], windows);
    }

    [Fact]
    public async Task Test_previews_a_definition_without_writing_or_saving_it()
    {
        host.Responder.Reply = request => request.PathAndQuery.StartsWith(ResourceId) ? SourceReplies.Json(ThreeHours) : new Reply(404, "{}");

        var preview = await host.PostQueryAsync($"/api/sources/{_id}/test", AzureMonitorBody);

        Assert.Equal(3, preview.GetProperty("count").GetInt32());
        Assert.Equal(20, preview.GetProperty("points")[1].GetProperty("v").GetDouble());
        Assert.Empty(await ReadAsync(_id));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/sources/{_id}")).StatusCode);
    }

    [Fact]
    public async Task A_401_from_azure_is_the_last_error_in_plain_words()
    {
        host.Responder.Reply = _ => SourceReplies.Error(401, "InvalidAuthenticationToken", "The access token is invalid.");
        (await PutAsync(_id, AzureMonitorBody)).Dispose();

        await host.PostQueryAsync($"/api/sources/{_id}/run", "");
        var source = await host.GetQueryAsync($"/api/sources/{_id}");

        Assert.StartsWith("Azure Monitor refused the app's credentials (401 Unauthorized): InvalidAuthenticationToken: The access token is invalid.", source.GetProperty("state").GetProperty("lastError").GetString());
        Assert.Equal(0, source.GetProperty("state").GetProperty("pointsWritten").GetInt32());
    }

    [Fact]
    public async Task An_http_source_on_loopback_runs_on_the_local_host()
    {
        host.Responder.Reply = request => request.PathAndQuery == $"/{_id}" ? SourceReplies.Json("""{"data":[{"date":"2026-11-19","revenue":1250.5}]}""") : new Reply(404, "{}");
        (await PutAsync(_id, $$"""{"kind":"http","url":"{{host.Responder.Http}}{{_id}}","timePath":"$.data[*].date","valuePath":"$.data[*].revenue","metric":"{{_id}}.revenue"}""")).Dispose();

        var run = await host.PostQueryAsync($"/api/sources/{_id}/run", "");

        Assert.Equal(1, run.GetProperty("state").GetProperty("pointsWritten").GetInt32());
        Assert.Equal(1250.5, Assert.Single(await ReadAsync($"{_id}.revenue", new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero))).V);
    }

    [Fact]
    public async Task The_premade_service_health_source_is_listed_and_cannot_be_deleted()
    {
        var list = await host.GetQueryAsync("/api/sources");
        var health = Assert.Single(list.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == "service-health");
        Assert.Equal(SourcesHostFixture.Workspace, health.GetProperty("workspaceId").GetString());
        Assert.True(health.GetProperty("premade").GetBoolean());

        using var delete = await host.Api.DeleteAsync("/api/sources/service-health");

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }

    [Fact]
    public async Task A_deleted_source_is_gone_and_a_push_source_is_not_run()
    {
        (await PutAsync(_id, """{"kind":"push"}""")).Dispose();
        using var run = await host.Api.PostAsync($"/api/sources/{_id}/run", null);
        Assert.Equal(HttpStatusCode.BadRequest, run.StatusCode);

        using var delete = await host.Api.DeleteAsync($"/api/sources/{_id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/sources/{_id}")).StatusCode);
    }

    private Task<HttpResponseMessage> PutAsync(string id, string json) =>
        host.Api.PutAsync($"/api/sources/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<List<MetricPoint>> ReadAsync(string metric, DateTimeOffset? from = null)
    {
        var points = new List<MetricPoint>();
        var reader = host.Services.GetRequiredService<IMetricPointReader>();
        await foreach (var point in reader.ReadAsync(metric, from ?? new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), null, CancellationToken.None))
        {
            points.Add(point);
        }

        return [.. points.OrderBy(p => p.T)];
    }
}
