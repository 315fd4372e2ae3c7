using System.Text.Json;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>The Log Analytics query client against a local server answering in the query API's documented shapes.</summary>
public sealed class LogAnalyticsPullerTests(PullerContext context) : IClassFixture<PullerContext>
{
    private const string Workspace = "0b4c8b9e-1d2f-4a6b-9c3d-5e7f8a9b0c1d";

    private static MetricSource Source(string query) => new(
        "health", SourceKind.LogAnalytics, "health", SourceFields.DefaultSchedule, 7, PullerContext.Now,
        LogAnalytics: new LogAnalyticsPull(Workspace, query));

    private const string HealthTable = """
        {"tables":[{"name":"PrimaryResult","columns":[
          {"name":"TimeGenerated","type":"datetime"},{"name":"app","type":"string"},
          {"name":"requests","type":"long"},{"name":"failures","type":"long"},{"name":"p95DurationMs","type":"real"}],
         "rows":[
          ["2026-11-20T11:00:00Z","func-ingest",1200,3,41.5],
          ["2026-11-20T11:00:00Z","func-query",80,0,220.25],
          ["2026-11-20T11:15:00Z","func-ingest",1100,1,"NaN"]]}]}
        """;

    [Fact]
    public async Task Each_numeric_column_is_a_series_and_each_string_column_a_dim()
    {
        context.Responder.Reply = _ => SourceReplies.Json(HealthTable);
        context.Responder.Requests.Clear();

        var points = await context.PullAsync(Source(PremadeSources.ServiceHealthQuery));

        // 3 rows x 3 numeric columns = 9, less the NaN p95 of the last row: 8.
        Assert.Equal(8, points.Count);
        Assert.Equal(["health.failures", "health.p95DurationMs", "health.requests"], points.Select(p => p.Metric).Distinct().Order());
        Assert.Equal(220.25, Assert.Single(points, p => p.Metric == "health.p95DurationMs" && p.Dims["app"] == "func-query").V);
        Assert.Equal(1100, Assert.Single(points, p => p.Metric == "health.requests" && p.T.Minute == 15).V);

        var request = Assert.Single(context.Responder.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1/workspaces/{Workspace}/query", request.PathAndQuery);
        Assert.Equal("Bearer " + FakeTokenCredential.Token, request.Authorization);
        Assert.Contains("https://api.loganalytics.io/.default", context.Credential.Scopes);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(PremadeSources.ServiceHealthQuery, body.RootElement.GetProperty("query").GetString());
        Assert.Equal("2026-11-20T09:00:00Z/2026-11-20T12:00:00Z", body.RootElement.GetProperty("timespan").GetString());
    }

    [Fact]
    public async Task One_numeric_column_is_stored_under_the_metric_itself()
    {
        context.Responder.Reply = _ => SourceReplies.Json("""
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"count_","type":"long"}],
             "rows":[["2026-11-20T10:00:00Z",12],["2026-11-20T11:00:00Z",null]]}]}
            """);

        var points = await context.PullAsync(Source("AppRequests | summarize count() by bin(TimeGenerated, 1h)"));

        // The null count of 11:00 is no point.
        var point = Assert.Single(points);
        Assert.Equal("health", point.Metric);
        Assert.Equal(12, point.V);
    }

    [Fact]
    public async Task A_KQL_error_is_the_query_refused_with_the_innermost_reason()
    {
        context.Responder.Reply = _ => new Reply(400, """
            {"error":{"message":"The request had some invalid properties","code":"BadArgumentError","correlationId":"5c1f",
              "innererror":{"code":"SyntaxError","message":"A recognition error occurred in the query.",
                "innererror":{"code":"SYN0002","message":"Query could not be parsed at 'summarise' on line [1,14]","line":1,"pos":14,"token":"summarise"}}}}
            """);

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source("AppRequests | summarise count()")));

        Assert.Equal(
            "The KQL query was refused (400 Bad Request): BadArgumentError: The request had some invalid properties: A recognition error occurred in the query: Query could not be parsed at 'summarise' on line [1,14].",
            error.Message);
    }

    [Fact]
    public async Task A_result_without_a_time_column_says_how_to_bin_it()
    {
        context.Responder.Reply = _ => SourceReplies.Json("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"count_","type":"long"}],"rows":[[5]]}]}""");

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source("AppRequests | count")));

        Assert.StartsWith("The KQL query's result has no datetime column (it has count_ (long))", error.Message);
    }

    [Fact]
    public async Task An_answer_in_another_shape_is_a_plain_error_not_a_crash()
    {
        context.Responder.Reply = _ => SourceReplies.Json("""{"tables":[{"name":"PrimaryResult","rows":[]}]}""");

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source("AppRequests | count")));

        Assert.StartsWith("Log Analytics answered something other than the documented shape: ", error.Message);
    }
}
