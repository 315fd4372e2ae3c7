using System.Text.Json;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Retention;

/// <summary>
/// <c>POST /api/query/retention</c> against answers worked out by hand from <see cref="RetentionData"/>, through the
/// local host over a real Azurite, with the events sent through the v1 routes.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class RetentionQueryTests(QueryHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => RetentionData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task First_time_cohorts_leave_out_users_who_started_before_the_range()
    {
        // amy starts 04-01 and comes back on each of the next three days (04-03 in the session merged into her later);
        // cy starts 04-02 and comes back 04-03; bo first opened in March, so he is in no cohort.
        var answer = await FunnelData.PostAsync(host, "/api/query/retention", RetentionData.Query(""","type":"first","fresh":true"""));

        Assert.Equal([[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 0, 0]], RetentionData.Values(answer));
        Assert.Equal(["2025-04-01T00:00:00+00:00", "2025-04-02T00:00:00+00:00", "2025-04-03T00:00:00+00:00"], Starts(answer));
        Assert.Equal([100.0, 100.0, 50.0, 50.0], Average(answer).Select(v => v!.Value));
        Assert.All(answer.GetProperty("cohorts").EnumerateArray(), c => Assert.Equal(4, c.GetProperty("completePeriods").GetInt32()));
        Assert.Equal("raw", answer.GetProperty("meta").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Recurring_cohorts_take_every_period_with_a_start_event()
    {
        // 04-01: amy, bo, back 04-02 both, 04-03 amy, 04-04 amy. 04-02: amy, bo, cy, back 04-03 amy and cy, 04-04 amy.
        // 04-03: amy (merged session) and cy, back 04-04 amy.
        var answer = await FunnelData.PostAsync(host, "/api/query/retention", RetentionData.Query(""","type":"recurring","fresh":true"""));

        Assert.Equal([[2, 2, 1, 1], [3, 2, 1, 0], [2, 1, 0, 0]], RetentionData.Values(answer));
        Assert.Equal([100.0, 500.0 / 7, 200.0 / 7, 100.0 / 7], Average(answer).Select(v => v!.Value), new ToleranceComparer(1e-9));
    }

    [Fact]
    public async Task Unbounded_counts_a_return_in_a_later_period_as_a_return_in_every_earlier_one()
    {
        // First-time: amy returns on days 1, 2 and 3 anyway; cy's last return is day 1.
        var answer = await FunnelData.PostAsync(host, "/api/query/retention", RetentionData.Query(""","unbounded":true,"fresh":true"""));

        Assert.Equal([[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 0, 0]], RetentionData.Values(answer));
    }

    [Fact]
    public async Task Cohorts_follow_the_days_of_the_query_time_zone()
    {
        // In Kolkata the merged session's 04-03 23:00 UTC is 04-04 04:30: amy's days are 04-01, 04-02 and 04-04.
        var answer = await FunnelData.PostAsync(host, "/api/query/retention", RetentionData.Query(""","tz":"Asia/Kolkata","fresh":true"""));

        Assert.Equal([[1, 1, 0, 1], [1, 1, 0, 0], [0, 0, 0, 0]], RetentionData.Values(answer));
        Assert.Equal("2025-04-01T00:00:00+05:30", Starts(answer)[0]);
    }

    [Fact]
    public async Task A_segment_keeps_its_users_only()
    {
        // Only cy is on the pro plan: she starts 04-02 (back 04-03) and again 04-03.
        var answer = await FunnelData.PostAsync(
            host, "/api/query/retention", RetentionData.Query(""","type":"recurring","segment":{"filters":[{"prop":"plan","op":"eq","value":"pro"}]},"fresh":true"""));

        Assert.Equal([[0, 0, 0, 0], [1, 1, 0, 0], [1, 0, 0, 0]], RetentionData.Values(answer));
    }

    private static string[] Starts(JsonElement answer) =>
        [.. answer.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("start").GetString()!)];

    private static double?[] Average(JsonElement answer) =>
        [.. answer.GetProperty("average").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
