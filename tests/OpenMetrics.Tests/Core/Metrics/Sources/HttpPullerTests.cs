using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>The HTTP source client: JSON paths, secret headers, and the address rule at connect time.</summary>
public sealed class HttpPullerTests(PullerContext context) : IClassFixture<PullerContext>
{
    private const string Revenue = """{"data":[{"date":"2026-11-18","revenue":1250.5},{"date":"2026-11-19T00:00:00Z","revenue":"980"},{"date":1763596800,"revenue":null}]}""";

    private MetricSource Source(string timePath = "$.data[*].date", string valuePath = "$.data[*].revenue", IReadOnlyList<HttpPullHeader>? headers = null) => new(
        "revenue", SourceKind.Http, "revenue", SourceFields.DefaultSchedule, 30, PullerContext.Now,
        Http: new HttpPull(new Uri(context.Responder.Http, "/stats"), "GET", headers ?? [], timePath, valuePath));

    [Fact]
    public async Task The_nth_time_goes_with_the_nth_value()
    {
        context.Responder.Reply = _ => SourceReplies.Json(Revenue);

        var points = await context.PullAsync(Source());

        // Three times, three values; the third value is null: no point. A date without an offset is UTC midnight.
        Assert.Equal(2, points.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), points[0].T);
        Assert.Equal(1250.5, points[0].V);
        Assert.Equal(980, points[1].V);
        Assert.Empty(points[0].Dims);
    }

    [Fact]
    public async Task A_secret_header_is_read_from_settings_at_fetch_time_and_no_azure_token_is_sent()
    {
        context.Settings["OpenMetrics:Sources:Secrets:STATS_KEY"] = "s3cr3t-value";
        context.Responder.Reply = _ => SourceReplies.Json(Revenue);
        context.Responder.Requests.Clear();

        await context.PullAsync(Source(headers: [new("X-Api-Key", null, "STATS_KEY"), new("Accept-Language", "en", null)]));

        var request = Assert.Single(context.Responder.Requests);
        Assert.Equal("s3cr3t-value", request.Headers["X-Api-Key"]);
        Assert.Equal("en", request.Headers["Accept-Language"]);
        Assert.Equal("", request.Authorization);
    }

    [Fact]
    public async Task A_missing_secret_names_the_setting()
    {
        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source(headers: [new("Authorization", null, "NOT_SET")])));

        Assert.StartsWith("The secret 'NOT_SET' of header Authorization is not set: add the app setting OpenMetrics__Sources__Secrets__NOT_SET", error.Message);
    }

    [Fact]
    public async Task A_path_that_matches_nothing_is_a_plain_error()
    {
        context.Responder.Reply = _ => SourceReplies.Json(Revenue);

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source(timePath: "$.rows[*].day")));

        Assert.Equal($"The time path '$.rows[*].day' matched nothing in the answer of {context.Responder.Http}stats.", error.Message);
    }

    [Fact]
    public async Task Paths_matching_different_counts_are_refused()
    {
        context.Responder.Reply = _ => SourceReplies.Json(Revenue);

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source(valuePath: "$.data[0].revenue")));

        Assert.Equal("The time path '$.data[*].date' matched 3 values and the value path '$.data[0].revenue' 1; they must match one to one.", error.Message);
    }

    [Fact]
    public async Task Loopback_is_refused_at_connect_time_when_not_allowed()
    {
        context.Responder.Requests.Clear();

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source(), allowLoopback: false));

        Assert.Equal("Refused to fetch: 127.0.0.1 resolves to 127.0.0.1, a loopback address, which only the local host may fetch.", error.Message);
        Assert.Empty(context.Responder.Requests);
    }

    [Fact]
    public async Task A_name_is_checked_on_the_addresses_it_resolves_to()
    {
        // "localhost" is text no rule knows; it resolves to loopback, which is what is checked.
        var source = Source() with { Http = Source().Http! with { Url = new Uri($"http://localhost:{context.Responder.HttpPort}/stats") } };

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(source, allowLoopback: false));

        Assert.StartsWith("Refused to fetch: localhost resolves to ", error.Message);
        Assert.EndsWith("a loopback address, which only the local host may fetch.", error.Message);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        context.Responder.Reply = _ => new Reply(302, "", new Dictionary<string, string> { ["Location"] = "http://169.254.169.254/metadata/identity/oauth2/token" });

        var error = await Assert.ThrowsAsync<SourcePullException>(() => context.PullAsync(Source()));

        Assert.Equal($"{context.Responder.Http}stats redirected (302) to http://169.254.169.254/metadata/identity/oauth2/token; redirects are not followed: give the final URL.", error.Message);
    }
}
