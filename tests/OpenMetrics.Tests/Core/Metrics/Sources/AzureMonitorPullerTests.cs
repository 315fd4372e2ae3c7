using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>The Azure Monitor metrics client against a local server answering in the REST API's documented shapes.</summary>
public sealed class AzureMonitorPullerTests(PullerContext context) : IClassFixture<PullerContext>
{
    private const string ResourceId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-demo/providers/Microsoft.Insights/components/appi-demo";

    private static readonly MetricSource Requests = new(
        "requests", SourceKind.AzureMonitor, "requests", SourceFields.DefaultSchedule, 30, PullerContext.Now,
        AzureMonitor: new AzureMonitorPull(ResourceId, "requests/count", "Total", "PT1H", TimeSpan.FromHours(1), "request/resultCode eq '*'"));

    // Two series split by result code; the 11:00 bucket of 500 has no data yet (no "total"): not a point.
    private const string TwoSeries = """
        {"cost":0,"timespan":"2026-11-20T09:00:00Z/2026-11-20T12:00:00Z","interval":"PT1H","value":[{
          "id":"x/providers/Microsoft.Insights/metrics/requests/count","type":"Microsoft.Insights/metrics",
          "name":{"value":"requests/count","localizedValue":"Server requests"},"unit":"Count","errorCode":"Success",
          "timeseries":[
            {"metadatavalues":[{"name":{"value":"request/resultCode","localizedValue":"Result code"},"value":"200"}],
             "data":[{"timeStamp":"2026-11-20T09:00:00Z","total":120},{"timeStamp":"2026-11-20T10:00:00Z","total":95.5},{"timeStamp":"2026-11-20T11:00:00Z","total":40}]},
            {"metadatavalues":[{"name":{"value":"request/resultCode","localizedValue":"Result code"},"value":"500"}],
             "data":[{"timeStamp":"2026-11-20T09:00:00Z","total":3},{"timeStamp":"2026-11-20T10:00:00Z","total":0},{"timeStamp":"2026-11-20T11:00:00Z"}]}
          ]}],"namespace":"microsoft.insights/components","resourceregion":"westeurope"}
        """;

    [Fact]
    public async Task Each_data_entry_with_the_aggregation_is_a_point_with_the_series_dimensions()
    {
        context.Responder.Reply = _ => SourceReplies.Json(TwoSeries);
        context.Responder.Requests.Clear();

        var points = await context.PullAsync(Requests);

        // 3 points of 200 and 2 of 500 (its 11:00 entry has no total): 5.
        Assert.Equal(5, points.Count);
        Assert.Equal(95.5, Assert.Single(points, p => p.Dims["request/resultCode"] == "200" && p.T.Hour == 10).V);
        Assert.Equal(0, Assert.Single(points, p => p.Dims["request/resultCode"] == "500" && p.T.Hour == 10).V);
        Assert.All(points, p => Assert.Equal("requests", p.Metric));

        var request = Assert.Single(context.Responder.Requests);
        Assert.Equal("GET", request.Method);
        Assert.StartsWith(ResourceId + "/providers/Microsoft.Insights/metrics?api-version=2023-10-01&metricnames=requests%2Fcount&aggregation=Total&interval=PT1H", request.PathAndQuery);
        // The window: three hours before noon to noon.
        Assert.Contains("timespan=2026-11-20T09%3A00%3A00Z%2F2026-11-20T12%3A00%3A00Z", request.PathAndQuery);
        Assert.Contains("$filter=request%2FresultCode%20eq%20%27%2A%27", request.PathAndQuery);
        Assert.Equal("Bearer " + FakeTokenCredential.Token, request.Authorization);
        Assert.Contains("https://management.azure.com/.default", context.Credential.Scopes);
    }

    [Fact]
    public async Task A_next_link_on_the_same_host_is_followed()
    {
        var second = TwoSeries.Replace("\"total\":120", "\"total\":7").Replace("2026-11-20T09", "2026-11-20T08");
        context.Responder.Reply = request => request.PathAndQuery.Contains("page=2")
            ? SourceReplies.Json(second)
            : SourceReplies.Json(TwoSeries.Replace("\"cost\":0,", $"\"cost\":0,\"nextLink\":\"{context.Responder.Https}{ResourceId.TrimStart('/')}/providers/Microsoft.Insights/metrics?page=2\","));
        context.Responder.Requests.Clear();

        var points = await context.PullAsync(Requests);

        // 5 points a page, two pages: 10; the 08:00 bucket of 200 comes from the second page only.
        Assert.Equal(10, points.Count);
        Assert.Equal(7, Assert.Single(points, p => p.T.Hour == 8 && p.Dims["request/resultCode"] == "200").V);
        Assert.Equal(2, context.Responder.Requests.Count);
    }

    [Fact]
    public async Task A_429_with_a_short_retry_after_is_retried_and_succeeds()
    {
        var calls = 0;
        context.Responder.Reply = _ => Interlocked.Increment(ref calls) == 1 ? SourceReplies.Throttled("retry-after-ms", "1") : SourceReplies.Json(TwoSeries);

        var points = await context.PullAsync(Requests);

        Assert.Equal(5, points.Count);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_429_asking_longer_than_the_longest_wait_ends_the_run_throttled()
    {
        var calls = 0;
        context.Responder.Reply = _ =>
        {
            Interlocked.Increment(ref calls);
            return SourceReplies.Throttled("Retry-After", "30");
        };

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Requests));

        // 30 s is more than the 5 s longest wait: not retried, the next run asks again.
        Assert.Equal(1, calls);
        Assert.Equal("Azure Monitor is throttling (429 Too Many Requests, asked to wait 30 s); the next run tries again: TooManyRequests: Rate limit exceeded.", error.Message);
    }

    [Fact]
    public async Task A_401_is_a_plain_error()
    {
        context.Responder.Reply = _ => SourceReplies.Error(401, "InvalidAuthenticationToken", "The access token is invalid.");

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Requests));

        Assert.Equal(
            "Azure Monitor refused the app's credentials (401 Unauthorized): InvalidAuthenticationToken: The access token is invalid. In Azure, check the app's managed identity; locally, sign in with az login.",
            error.Message);
    }

    [Fact]
    public async Task A_403_names_the_role_to_give()
    {
        context.Responder.Reply = _ => SourceReplies.Error(403, "AuthorizationFailed", "The client does not have authorization to perform action 'microsoft.insights/metrics/read'.");

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Requests));

        Assert.StartsWith("Azure Monitor answered 403 Forbidden: the app's identity may not read this; give it Monitoring Reader on the resource", error.Message);
    }
}
