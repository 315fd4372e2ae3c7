using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>
/// Every measure, interval and filter operator against answers worked out by hand (<see cref="TrendCase"/>), through the
/// local host over a real Azurite, with data sent through the v1 routes: from the pre-aggregates (before and after
/// compaction, which read different tables) and from the raw events, which must agree number for number.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class TrendsQueryTests(QueryHostFixture host) : IAsyncLifetime
{
    public static TheoryData<TrendCase> Cases() => [.. TrendCase.All];

    public Task InitializeAsync() => TrendsData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_answer_is_the_hand_computed_one(TrendCase trend)
    {
        var answer = await TrendsData.TrendsAsync(host, trend.Query);

        AssertAnswer(trend, answer);
        Assert.Equal(trend.Preaggregated ? "preaggregate" : "raw", answer.GetProperty("meta").GetProperty("source").GetString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_raw_events_give_the_same_numbers(TrendCase trend)
    {
        var answer = await TrendsData.TrendsAsync(host, WithSource(trend.Query, "raw"));

        AssertAnswer(trend, answer);
        Assert.Equal("raw", answer.GetProperty("meta").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Compaction_changes_no_answer()
    {
        foreach (var trend in TrendCase.All.Where(t => t.Preaggregated))
        {
            AssertAnswer(trend, await TrendsData.TrendsAsync(host, WithSource(trend.Query, "preaggregate")));
        }

        // Folds live contributions into summaries and copies them to the rollup tables, which queries of these old days then read.
        await host.CompactAsync();

        foreach (var trend in TrendCase.All.Where(t => t.Preaggregated))
        {
            AssertAnswer(trend, await TrendsData.TrendsAsync(host, WithSource(trend.Query, "preaggregate")));
        }
    }

    [Fact]
    public async Task A_late_event_between_compacted_days_counts_once()
    {
        // One event a day on Sep 1 to 3 (clear of the shared dataset's days), compacted into rollups; then a late one on
        // Sep 2, which marks that day late: the query reads Sep 2 from Aggregates and the other days from the rollups,
        // whose month also holds Sep 2.
        var name = "tlate-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var day in new[] { "01", "02", "03" })
        {
            await host.PostOkAsync("/v1/events", $$"""{"sessionId":"late-a","events":[{"name":"{{name}}","ts":"2025-09-{{day}}T12:00:00Z"}]}""");
        }

        await host.ProcessIngestAsync();
        await host.CompactAsync();
        await host.PostOkAsync("/v1/events", $$"""{"sessionId":"late-b","events":[{"name":"{{name}}","ts":"2025-09-02T13:00:00Z"}]}""");
        await host.ProcessIngestAsync();

        foreach (var source in new[] { "preaggregate", "raw" })
        {
            var answer = await TrendsData.TrendsAsync(host, $$"""{"series":[{"event":"{{name}}"}],"interval":"day","from":"2025-09-01","to":"2025-09-04","source":"{{source}}"}""");
            Assert.Equal([1.0, 2, 1], TrendsData.Values(Assert.Single(answer.GetProperty("series").EnumerateArray())));
        }
    }

    [Fact]
    public async Task Forcing_the_preaggregates_on_a_query_they_cannot_answer_is_a_400()
    {
        using var response = await host.Api.PostAsync("/api/query/trends", new StringContent(
            WithSource(TrendCase.All.First(t => !t.Preaggregated).Query, "preaggregate")));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("pre-aggregates cannot answer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertAnswer(TrendCase trend, JsonElement answer)
    {
        var line = Assert.Single(answer.GetProperty("series").EnumerateArray());
        Assert.Equal(trend.Times, TrendsData.Times(line));
        Assert.Equal(trend.Values, TrendsData.Values(line));
        Assert.Equal(trend.Total, line.GetProperty("total").GetDouble());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("breakdownValue").ValueKind);
    }

    private static string WithSource(string query, string source) => query[..^1] + $",\"source\":\"{source}\"}}";
}
