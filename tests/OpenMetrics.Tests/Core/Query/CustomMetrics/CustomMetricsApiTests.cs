using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

/// <summary>
/// Saving custom metrics and reading their values through the local host over a real Azurite: the value equals the
/// view's own number, mistakes are 400s naming the field where it sits in the metric.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class CustomMetricsApiTests(QueryHostFixture host)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_trend_metrics_value_is_the_trends_total_and_its_series_the_trends_points()
    {
        var signup = "signup-" + _suffix;
        await host.PostOkAsync("/v1/events", V1Payloads.Events("cm-s1-" + _suffix,
            (signup, "2025-10-06T09:00:00Z", "{}"), (signup, "2025-10-06T10:00:00Z", "{}"), (signup, "2025-10-08T11:00:00Z", "{}")));
        await host.PostOkAsync("/v1/events", V1Payloads.Events("cm-s2-" + _suffix, (signup, "2025-10-04T12:00:00Z", "{}")));
        await host.ProcessIngestAsync();
        await PutAsync("signups-" + _suffix, """
            {"title":"Signups","unit":"count","goal":{"value":2,"direction":"above"},"definition":{"kind":"trend","query":{"series":[{"event":"EVENT"}]}}}
            """.Replace("EVENT", signup, StringComparison.Ordinal));

        var value = await host.GetQueryAsync($"/api/metrics/signups-{_suffix}/value?from=2025-10-06&to=2025-10-09&interval=day&tz=UTC");
        var trend = await host.PostQueryAsync("/api/query/trends", $$"""
            {"series":[{"event":"{{signup}}"}],"interval":"day","from":"2025-10-06","to":"2025-10-09"}
            """);

        // October 6: 2, 7: 0, 8: 1; 3 in all. The 3 days before (October 3 to 6) hold the one of October 4: +200 %.
        Assert.Equal(3, value.GetProperty("value").GetDouble());
        Assert.Equal(1, value.GetProperty("previous").GetDouble());
        Assert.Equal(200, value.GetProperty("changePct").GetDouble());
        Assert.Equal(new[] { 2.0, 0, 1 }, value.GetProperty("series").EnumerateArray().Select(point => point.GetProperty("v").GetDouble()));
        Assert.Equal(
            trend.GetProperty("series")[0].GetProperty("points").EnumerateArray().Select(point => point.GetProperty("v").GetDouble()),
            value.GetProperty("series").EnumerateArray().Select(point => point.GetProperty("v").GetDouble()));
        Assert.Equal(trend.GetProperty("series")[0].GetProperty("total").GetDouble(), value.GetProperty("value").GetDouble());
        var meta = value.GetProperty("meta");
        Assert.Equal("count", meta.GetProperty("unit").GetString());
        Assert.Equal("above", meta.GetProperty("goal").GetProperty("direction").GetString());
        Assert.Equal("preaggregate", meta.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_funnel_metric_asked_for_its_default_view_is_answered_from_its_snapshot()
    {
        var id = "conversion-" + _suffix;
        await PutAsync(id, """
            {"title":"Signup to buy","unit":"percent","view":{"range":"7d","interval":"day"},
             "definition":{"kind":"funnelConversion","query":{"steps":[{"event":"never-a"},{"event":"never-b"}]}}}
            """);

        var first = await host.GetQueryAsync($"/api/metrics/{id}/value");
        var second = await host.GetQueryAsync($"/api/metrics/{id}/value");

        // No one entered: no value, 7 days of empty cohorts. The first read computes and keeps it, the second reads it.
        Assert.Equal(JsonValueKind.Null, first.GetProperty("value").ValueKind);
        Assert.Equal(7, first.GetProperty("series").GetArrayLength());
        Assert.Equal("snapshot", second.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal(first.GetProperty("meta").GetProperty("computedAt").GetDateTimeOffset(), second.GetProperty("meta").GetProperty("computedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_snapshot_timers_keep_a_retention_metrics_default_view_computed()
    {
        var id = "day1-" + _suffix;
        await PutAsync(id, """
            {"title":"Day-1 retention","unit":"percent","view":{"range":"14d"},
             "definition":{"kind":"retention","period":1,"query":{"startEvent":"never-a","returnEvent":"never-b"}}}
            """);
        var store = host.Services.GetRequiredService<ISnapshotStore>();

        var before = await store.NewestAsync(SnapshotKeys.Saved(SavedKind.Metrics, id), CancellationToken.None);
        await host.Services.GetRequiredService<SnapshotRefresher>().RefreshRecentAsync(CancellationToken.None);
        var kept = await store.NewestAsync(SnapshotKeys.Saved(SavedKind.Metrics, id), CancellationToken.None);
        var value = await host.GetQueryAsync($"/api/metrics/{id}/value");

        // The frequent run takes the metric (its view ends today); the value request then reads what it kept.
        Assert.Null(before);
        Assert.NotNull(kept);
        Assert.Equal("snapshot", value.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal(kept.ComputedAt, value.GetProperty("meta").GetProperty("computedAt").GetDateTimeOffset());
        Assert.Equal(14, value.GetProperty("series").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"definition":{"kind":"trend","query":{"series":[{"event":"a"}]}}}""", "title")]
    [InlineData("""{"title":"t","unit":"euros","definition":{"kind":"trend","query":{"series":[{"event":"a"}]}}}""", "unit")]
    [InlineData("""{"title":"t","definition":{"kind":"average","query":{}}}""", "definition.kind")]
    [InlineData("""{"title":"t","definition":{"kind":"trend"}}""", "definition.query")]
    [InlineData("""{"title":"t","definition":{"kind":"trend","query":{"series":[{"event":"a"}],"range":"30d"}}}""", "definition.query.range")]
    [InlineData("""{"title":"t","definition":{"kind":"trend","query":{"series":[{"event":"a"}],"breakdown":{"prop":"plan"}}}}""", "definition.query.breakdown")]
    [InlineData("""{"title":"t","definition":{"kind":"trend","query":{"series":[{"event":"a"},{"event":"b"}]}}}""", "definition.query.series")]
    [InlineData("""{"title":"t","definition":{"kind":"funnelConversion","query":{"steps":[{"event":"a"},{}]}}}""", "definition.query.steps[1].event")]
    [InlineData("""{"title":"t","definition":{"kind":"funnelConversion","toStep":2,"query":{"steps":[{"event":"a"},{"event":"b"}]}}}""", "definition.toStep")]
    [InlineData("""{"title":"t","definition":{"kind":"retention","period":0,"query":{"startEvent":"a"}}}""", "definition.period")]
    [InlineData("""{"title":"t","definition":{"kind":"metric","query":{"agg":"sum"}}}""", "definition.query.metric")]
    [InlineData("""{"title":"t","goal":{"value":1,"direction":"sideways"},"definition":{"kind":"trend","query":{"series":[{"event":"a"}]}}}""", "goal.direction")]
    [InlineData("""{"title":"t","view":{"range":"forever"},"definition":{"kind":"trend","query":{"series":[{"event":"a"}]}}}""", "view.range")]
    public async Task A_metric_that_cannot_run_is_refused_with_the_field_named(string body, string field)
    {
        using var response = await host.Api.PutAsync($"/api/metrics/bad-{_suffix}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_value_of_an_unknown_metric_is_404_and_a_bad_interval_is_400()
    {
        await PutAsync("interval-" + _suffix, """{"title":"t","definition":{"kind":"trend","query":{"series":[{"event":"a"}]}}}""");

        using var unknown = await host.Api.GetAsync($"/api/metrics/never-{_suffix}/value");
        using var badInterval = await host.Api.GetAsync($"/api/metrics/interval-{_suffix}/value?interval=fortnight");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badInterval.StatusCode);
        Assert.Contains("\"field\":\"interval\"", await badInterval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task PutAsync(string id, string body)
    {
        using var response = await host.Api.PutAsync($"/api/metrics/{id}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
