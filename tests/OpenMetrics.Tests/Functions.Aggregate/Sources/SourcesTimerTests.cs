using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Functions.Aggregate.Sources;

/// <summary>The every-minute timer: due sources run once each, a failing one does not stop the others, the premade one works.</summary>
[Collection(SourcesCollection.Name)]
public sealed class SourcesTimerTests(SourcesHostFixture host)
{
    private readonly string _id = "tmr-" + Guid.NewGuid().ToString("N")[..8];

    private static string ResourceId(string name) => $"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Web/sites/{name}";

    private const string OneHour = """
        {"value":[{"name":{"value":"Requests"},"timeseries":[{"metadatavalues":[],"data":[{"timeStamp":"2026-11-20T11:00:00Z","total":42}]}]}]}
        """;

    [Fact]
    public async Task Two_timer_runs_at_once_pull_a_due_source_once()
    {
        var resource = ResourceId(_id);
        host.Responder.Reply = request => request.PathAndQuery.StartsWith(resource) ? SourceReplies.Json(OneHour) : new Reply(404, "{}");
        await PutAsync(_id, $$"""{"kind":"azureMonitor","resourceId":"{{resource}}","metricName":"Requests"}""");
        host.Responder.Requests.Clear();

        await Task.WhenAll(host.RunDueSourcesAsync(), host.RunDueSourcesAsync());

        // Both read the source at the same version; one claim won, the other got 412 and skipped it.
        Assert.Single(host.Responder.Requests, r => r.PathAndQuery.StartsWith(resource));
        var state = (await Store.GetAsync(_id, CancellationToken.None))!.State;
        Assert.Equal(1, state.PointsWritten);
        Assert.Null(state.RunningSince);
        // Claimed at 12:00 (the clock's time, or later if another test moved it): due at the next quarter hour.
        Assert.Equal(0, state.NextDueAt!.Value.Minute % 15);
        Assert.True(state.NextDueAt > host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_failing_source_records_its_error_and_the_next_one_still_runs()
    {
        var failing = _id + "-a";
        var working = _id + "-b";
        host.Responder.Reply = request =>
            request.PathAndQuery.StartsWith(ResourceId(failing)) ? SourceReplies.Error(403, "AuthorizationFailed", "No access.")
            : request.PathAndQuery.StartsWith(ResourceId(working)) ? SourceReplies.Json(OneHour)
            : new Reply(404, "{}");
        await PutAsync(failing, $$"""{"kind":"azureMonitor","resourceId":"{{ResourceId(failing)}}","metricName":"Requests"}""");
        await PutAsync(working, $$"""{"kind":"azureMonitor","resourceId":"{{ResourceId(working)}}","metricName":"Requests"}""");

        await host.RunDueSourcesAsync();

        var failed = (await Store.GetAsync(failing, CancellationToken.None))!.State;
        var worked = (await Store.GetAsync(working, CancellationToken.None))!.State;
        Assert.StartsWith("Azure Monitor answered 403 Forbidden: the app's identity may not read this; give it Monitoring Reader", failed.LastError);
        Assert.Null(worked.LastError);
        Assert.Equal(1, worked.PointsWritten);
    }

    [Fact]
    public async Task The_premade_source_stores_requests_failures_and_p95_per_app()
    {
        host.Responder.Reply = request => request.PathAndQuery == $"/v1/workspaces/{SourcesHostFixture.Workspace}/query"
            ? SourceReplies.Json("""
                {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"app","type":"string"},
                  {"name":"requests","type":"long"},{"name":"failures","type":"long"},{"name":"p95DurationMs","type":"real"}],
                 "rows":[["2026-11-20T11:45:00Z","func-ingest-abc",300,2,35.5]]}]}
                """)
            : new Reply(404, "{}");
        var premade = await Store.GetAsync(PremadeSources.ServiceHealthId, CancellationToken.None);
        if (premade is not null)
        {
            // Another test of the collection may have run it already: make it due again.
            await Store.SaveStateAsync(PremadeSources.ServiceHealthId, premade.State with { NextDueAt = host.Clock.GetUtcNow() }, CancellationToken.None);
        }

        await host.RunDueSourcesAsync();

        // One row, three numeric columns: one point each, under service-health.<column>, dim app.
        var at = new DateTimeOffset(2026, 11, 20, 11, 45, 0, TimeSpan.Zero);
        Assert.Equal(300, Assert.Single(await ReadAsync("service-health.requests", at)).V);
        Assert.Equal(2, Assert.Single(await ReadAsync("service-health.failures", at)).V);
        var p95 = Assert.Single(await ReadAsync("service-health.p95DurationMs", at));
        Assert.Equal(35.5, p95.V);
        Assert.Equal("func-ingest-abc", p95.Dims["app"]);
    }

    [Fact]
    public async Task Points_over_the_limits_are_left_out_and_the_run_says_how_many()
    {
        var workspace = "0b4c8b9e-1d2f-4a6b-9c3d-" + Guid.NewGuid().ToString("N")[..12];
        // Two rows; the second's app name is 300 characters, over the 256 a dim value may hold.
        var longName = new string('x', 300);
        host.Responder.Reply = request => request.PathAndQuery == $"/v1/workspaces/{workspace}/query"
            ? SourceReplies.Json($$"""
                {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"app","type":"string"},{"name":"n","type":"long"}],
                 "rows":[["2026-11-20T11:00:00Z","web",4],["2026-11-20T11:00:00Z","{{longName}}",5]]}]}
                """)
            : new Reply(404, "{}");
        await PutAsync(_id, $$"""{"kind":"logAnalytics","workspaceId":"{{workspace}}","query":"T | summarize n = count() by bin(TimeGenerated, 1h), app"}""");

        await host.RunDueSourcesAsync();

        var state = (await Store.GetAsync(_id, CancellationToken.None))!.State;
        Assert.Equal(1, state.PointsWritten);
        Assert.StartsWith("1 of 2 points could not be stored; the first: dims.app: ", state.LastError);
    }

    private ISourceStore Store => host.Services.GetRequiredService<ISourceStore>();

    private async Task PutAsync(string id, string json)
    {
        using var response = await host.Api.PutAsync($"/api/sources/{id}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<MetricPoint>> ReadAsync(string metric, DateTimeOffset at)
    {
        var points = new List<MetricPoint>();
        await foreach (var point in host.Services.GetRequiredService<IMetricPointReader>().ReadAsync(metric, at, at.AddMinutes(1), null, CancellationToken.None))
        {
            points.Add(point);
        }

        return points;
    }
}
