using System.Net;
using System.Text;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Metrics;

/// <summary>
/// Pushing points and querying them through the local host over a real Azurite: <c>POST /api/metrics/points</c>
/// (idempotent, 400s naming the field, beside the saved metrics' <c>api/metrics/{id}</c>), <c>POST /api/query/metrics</c>
/// and a trend whose formula mixes a metric with events.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class MetricsApiTests(QueryHostFixture host)
{
    private readonly string _metric = "revenue-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_push_is_written_and_queried_by_day_in_utc_and_in_kolkata()
    {
        var written = await PushAsync($$$"""
            {"metric":"{{{_metric}}}","points":[
              {"t":"2026-11-09T23:59:00Z","v":100},
              {"t":"2026-11-10T06:00:00Z","v":10,"dims":{"plan":"pro"}},
              {"t":"2026-11-10T06:00:00Z","v":4,"dims":{"plan":"free"}},
              {"t":"2026-11-10T20:00:00Z","v":6,"dims":{"plan":"pro"}},
              {"t":1794358800,"v":2,"dims":{"plan":"pro"}},
              {"t":"2026-11-11T23:30:00Z","v":8,"dims":{"plan":"free"}}]}
            """);

        // 1794358800 s is 2026-11-11T01:00:00Z (20,768 days × 86,400 s = 1,794,355,200 to Nov 11, plus 3,600).
        Assert.Equal(6, written);
        var utc = await host.PostQueryAsync("/api/query/metrics", $$"""
            {"metric":"{{_metric}}","agg":"sum","interval":"day","from":"2026-11-10","to":"2026-11-12"}
            """);
        // UTC: Nov 10 10 + 4 + 6 = 20, Nov 11 2 + 8 = 10; the 100 at Nov 9 23:59Z is outside.
        Assert.Equal([20.0, 10.0], Values(utc));
        Assert.Equal("metricPoints", utc.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal(_metric, Line(utc).GetProperty("metric").GetString());

        var kolkata = await host.PostQueryAsync("/api/query/metrics", $$"""
            {"metric":"{{_metric}}","agg":"last","interval":"day","from":"2026-11-10","to":"2026-11-12","tz":"Asia/Kolkata"}
            """);
        // Kolkata Nov 10 is [Nov 9 18:30Z, Nov 10 18:30Z): its latest time is 06:00Z, pro 10 + free 4 = 14. Nov 11 local
        // is [Nov 10 18:30Z, Nov 11 18:30Z): its latest point is 2 at 01:00Z (the 8 at 23:30Z is Nov 12 local).
        Assert.Equal([14.0, 2.0], Values(kolkata));
        Assert.Equal("2026-11-10T00:00:00+05:30", Line(kolkata).GetProperty("points")[0].GetProperty("t").GetString());
    }

    [Fact]
    public async Task Pushing_the_same_points_again_replaces_them()
    {
        var body = $$$"""{"metric":"{{{_metric}}}","points":[{"t":"2026-11-10T06:00:00Z","v":10,"dims":{"plan":"pro","region":"eu"}}]}""";
        await PushAsync(body);
        await PushAsync(body);
        var corrected = await PushAsync($$$"""
            {"metric":"{{{_metric}}}","points":[{"t":"2026-11-10T06:00:00Z","v":12,"dims":{"region":"eu","plan":"pro"}},{"t":"2026-11-10T06:00:00Z","v":12,"dims":{"region":"eu","plan":"pro"}}]}
            """);

        var answer = await host.PostQueryAsync("/api/query/metrics", $$"""{"metric":"{{_metric}}","interval":"total","from":"2026-11-10","to":"2026-11-11"}""");

        // Three pushes of one (metric, dims, time): one point, the last value, 12 (not 10 + 10 + 12); the doubled point counts once.
        Assert.Equal(1, corrected);
        Assert.Equal(12.0, Line(answer).GetProperty("total").GetDouble());
    }

    [Theory]
    [InlineData("""{"points":[{"t":"2026-11-10T00:00:00Z","v":1}]}""", "metric")]
    [InlineData("""{"metric":"m"}""", "points")]
    [InlineData("""{"metric":"m","points":[]}""", "points")]
    [InlineData("""{"metric":"m","points":[{"t":"2026-11-10T00:00:00Z","v":1},{"t":"2026-11-10T00:01:00Z","v":2},{"t":"2026-11-10T00:02:00Z","v":3},{"t":"2026-11-10T00:03:00Z","v":"12"}]}""", "points[3].v")]
    [InlineData("""{"metric":"m","points":[{"v":1}]}""", "points[0].t")]
    [InlineData("""{"metric":"m","points":[{"t":"yesterday","v":1}]}""", "points[0].t")]
    [InlineData("""{"metric":"m","points":[{"t":"1999-12-31T23:59:59Z","v":1}]}""", "points[0].t")]
    [InlineData("""{"metric":"m","points":[{"t":"2999-01-01T00:00:00Z","v":1}]}""", "points[0].t")]
    [InlineData("""{"metric":"m","points":[{"t":"2026-11-10T00:00:00Z","v":1e400}]}""", "points[0].v")]
    [InlineData("""{"metric":"m","points":[{"t":"2026-11-10T00:00:00Z","v":1},{"t":"2026-11-10T00:00:00Z","v":1,"dims":{"plan":3}}]}""", "points[1].dims.plan")]
    [InlineData("""{"metric":"m","points":[{"t":"2026-11-10T00:00:00Z","v":1,"dims":"pro"}]}""", "points[0].dims")]
    [InlineData("""{"metric":"m","points":[7]}""", "points[0]")]
    [InlineData("""{"metric":"a|b","points":[{"t":"2026-11-10T00:00:00Z","v":1}]}""", "metric")]
    public async Task A_bad_push_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        using var response = await host.Api.PostAsync("/api/metrics/points", Json(body));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, answer.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_refused_push_stores_none_of_its_points()
    {
        using var response = await host.Api.PostAsync("/api/metrics/points", Json($$"""
            {"metric":"{{_metric}}","points":[{"t":"2026-11-10T00:00:00Z","v":5},{"t":"2026-11-10T01:00:00Z","v":null}]}
            """));
        var answer = await host.PostQueryAsync("/api/query/metrics", $$"""{"metric":"{{_metric}}","interval":"total","from":"2026-11-10","to":"2026-11-11"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0.0, Line(answer).GetProperty("total").GetDouble());
    }

    [Fact]
    public async Task More_than_5000_points_in_one_call_is_a_400_on_points()
    {
        var points = string.Join(',', Enumerable.Range(0, 5001).Select(i => $$"""{"t":{{1794355200 + i}},"v":1}"""));
        using var response = await host.Api.PostAsync("/api/metrics/points", Json($$"""{"metric":"{{_metric}}","points":[{{points}}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"points\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_needs_the_query_key()
    {
        using var response = await host.Http.PostAsync("/api/metrics/points", Json($$"""{"metric":"{{_metric}}","points":[{"t":"2026-11-10T00:00:00Z","v":1}]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_literal_points_route_wins_for_POST_and_the_saved_metrics_keep_their_id_route()
    {
        var id = "points-beside-" + Guid.NewGuid().ToString("N")[..8];

        // POST api/metrics/points is the push, not a saved metric called "points" (the item route takes no POST anyway).
        Assert.Equal(1, await PushAsync($$"""{"metric":"{{_metric}}","points":[{"t":"2026-11-10T00:00:00Z","v":1}]}"""));
        using var pointsAsItem = await host.Api.GetAsync("/api/metrics/points");
        using var put = await host.Api.PutAsync($"/api/metrics/{id}", Json("""{"title":"Revenue","definition":{"kind":"metric","query":{"metric":"revenue"}}}"""));
        using var get = await host.Api.GetAsync($"/api/metrics/{id}");
        using var list = await host.Api.GetAsync("/api/metrics");
        using var delete = await host.Api.DeleteAsync($"/api/metrics/{id}");

        Assert.Equal(HttpStatusCode.NotFound, pointsAsItem.StatusCode);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains(id, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"points\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task The_catalog_lists_a_metric_as_soon_as_it_is_pushed()
    {
        await PushAsync($$"""{"metric":"{{_metric}}","points":[{"t":"2026-11-10T00:00:00Z","v":1}]}""");

        var catalog = await host.GetQueryAsync("/api/catalog");

        Assert.Contains(_metric, catalog.GetProperty("metrics").EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public async Task A_trend_divides_a_pushed_metric_by_the_events_of_each_day()
    {
        var purchase = "purchase-" + Guid.NewGuid().ToString("N")[..8];
        await PushAsync($$"""
            {"metric":"{{_metric}}","points":[{"t":"2025-10-06T09:00:00Z","v":30},{"t":"2025-10-06T18:00:00Z","v":15},{"t":"2025-10-07T09:00:00Z","v":20}]}
            """);
        await host.PostOkAsync("/v1/events", V1Payloads.Events("metric-s1",
            (purchase, "2025-10-06T09:00:00Z", "{}"), (purchase, "2025-10-06T10:00:00Z", "{}"), (purchase, "2025-10-06T11:00:00Z", "{}")));
        await host.PostOkAsync("/v1/events", V1Payloads.Events("metric-s2", (purchase, "2025-10-07T12:00:00Z", "{}"), (purchase, "2025-10-08T12:00:00Z", "{}")));
        await host.ProcessIngestAsync();

        var answer = await host.PostQueryAsync("/api/query/trends", $$"""
            {"series":[{"metric":"{{_metric}}","agg":"sum"},{"event":"{{purchase}}"}],"formula":"A / B","interval":"day","from":"2025-10-06","to":"2025-10-09"}
            """);

        // A (revenue): Oct 6 30 + 15 = 45, Oct 7 20, Oct 8 0; total 65. B (purchases): 3, 1, 1; total 5.
        // A / B: 45 / 3 = 15, 20 / 1 = 20, 0 / 1 = 0; total 65 / 5 = 13. A formula answers its own line alone, as in every trend.
        var line = Line(answer);
        Assert.Equal([15.0, 20.0, 0.0], PointsOf(line));
        Assert.Equal(13.0, line.GetProperty("total").GetDouble());
        Assert.Equal("formula", line.GetProperty("measure").GetString());
        Assert.Equal("preaggregate+metricPoints", answer.GetProperty("meta").GetProperty("source").GetString());
    }

    private async Task<int> PushAsync(string body)
    {
        using var response = await host.Api.PostAsync("/api/metrics/points", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("written").GetInt32();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static JsonElement Line(JsonElement answer) => Assert.Single(answer.GetProperty("series").EnumerateArray());

    private static List<double> Values(JsonElement answer) => PointsOf(Line(answer));

    private static List<double> PointsOf(JsonElement line) => [.. line.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble())];
}
