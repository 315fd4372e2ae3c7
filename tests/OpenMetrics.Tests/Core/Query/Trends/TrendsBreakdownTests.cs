using System.Net.Http.Json;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>Breakdowns (top N, ties, "not set", other), formulas and saved and behavioural segments, over <see cref="TrendsData"/>.</summary>
[Collection(QueryCollection.Name)]
public sealed class TrendsBreakdownTests(QueryHostFixture host) : IAsyncLifetime
{
    private const string V = TrendsData.View;
    private const string B = TrendsData.Buy;

    public Task InitializeAsync() => TrendsData.EnsureAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("auto", "preaggregate")]
    [InlineData("raw", "raw")]
    public async Task Top_values_with_a_tie_broken_by_value_and_the_rest_as_other(string source, string answeredFrom)
    {
        // Views on Nov 2 (UTC): /home #1 #2 #5, /pricing #3, /docs #6. Top 2: /home 3, then the tie at 1 goes to
        // "/docs" (before "/pricing" in ordinal order); /pricing is "other".
        var answer = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"{{{V}}}"}],"interval":"total","from":"2025-11-02","to":"2025-11-03","breakdown":{"prop":"page","limit":2},"source":"{{{source}}}"}
            """);

        Assert.Equal(answeredFrom, answer.GetProperty("meta").GetProperty("source").GetString());
        var lines = answer.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["/home", "/docs", "$other"], lines.Select(l => l.GetProperty("breakdownValue").GetString()));
        Assert.Equal([3.0, 1, 1], lines.Select(l => l.GetProperty("total").GetDouble()));
        Assert.Equal($"{V} · Other", lines[2].GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("auto", "preaggregate")]
    [InlineData("raw", "raw")]
    public async Task Events_without_the_property_are_one_not_set_line(string source, string answeredFrom)
    {
        // Views Nov 1 to 5, by page: /home 3, /pricing 2, /docs 1, none (#10) 1; daily from Nov 2 to 4 for points.
        var answer = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"{{{V}}}"}],"interval":"day","from":"2025-11-02","to":"2025-11-05","breakdown":{"prop":"page","on":"event","limit":10},"source":"{{{source}}}"}
            """);

        Assert.Equal(answeredFrom, answer.GetProperty("meta").GetProperty("source").GetString());
        var lines = answer.GetProperty("series").EnumerateArray().ToDictionary(l => l.GetProperty("breakdownValue").GetString() ?? "(null)");
        Assert.Equal(["/home", "/pricing", "/docs", "(null)"], lines.Keys);
        Assert.Equal([3.0, 0, 0], TrendsData.Values(lines["/home"]));
        Assert.Equal([1.0, 1, 0], TrendsData.Values(lines["/pricing"]));
        Assert.Equal([0.0, 0, 1], TrendsData.Values(lines["(null)"]));
        Assert.Equal($"{V} · (not set)", lines["(null)"].GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_breakdown_by_a_user_property_reads_it_as_it_is_now()
    {
        // Views Nov 1 to 5 by the user's country: t-alice NL (#1 #2 and, merged, #6), t-bob US (#3 #10), s3 none (#5 #9).
        // Uniques per value: NL 1, US 1, not set 1.
        var answer = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"{{{V}}}"},{"event":"{{{V}}}","measure":"uniques"}],"interval":"total","from":"2025-11-01","to":"2025-11-05","breakdown":{"prop":"country","on":"user"}}
            """);

        Assert.Equal("raw", answer.GetProperty("meta").GetProperty("source").GetString());
        var lines = answer.GetProperty("series").EnumerateArray().ToList();
        var counts = lines.Where(l => l.GetProperty("measure").GetString() == "count").ToList();
        Assert.Equal(["NL", "US", null], counts.Select(l => l.GetProperty("breakdownValue").GetString()));
        Assert.Equal([3.0, 2, 2], counts.Select(l => l.GetProperty("total").GetDouble()));
        var uniques = lines.Where(l => l.GetProperty("measure").GetString() == "uniques").ToList();
        Assert.Equal([1.0, 1, 1], uniques.Select(l => l.GetProperty("total").GetDouble()));
    }

    [Fact]
    public async Task A_formula_divides_series_bucket_by_bucket()
    {
        // Views per UTC day [0, 5, 1], buys [0, 2, 1]: B / A * 100 = [no value (0/0), 40, 100]; totals 3 / 6 * 100 = 50.
        var answer = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"{{{V}}}"},{"event":"{{{B}}}"}],"interval":"day","from":"2025-11-01","to":"2025-11-04","formula":"B / A * 100"}
            """);

        var line = Assert.Single(answer.GetProperty("series").EnumerateArray());
        Assert.Equal("B / A * 100", line.GetProperty("label").GetString());
        Assert.Equal([null, 40, 100], TrendsData.Values(line));
        Assert.Equal(50, line.GetProperty("total").GetDouble());
    }

    [Fact]
    public async Task A_saved_segment_is_used_by_its_id()
    {
        using var saved = await host.Api.PutAsJsonAsync("/api/segments/t-americans", JsonDocument.Parse("""
            {"name": "Americans", "filters": [{"prop": "country", "op": "eq", "value": "US"}]}
            """).RootElement);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        // t-bob's views: #3 (Nov 2) and #10 (Nov 4).
        var answer = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"{{{V}}}"}],"interval":"day","from":"2025-11-02","to":"2025-11-05","segment":"t-americans"}
            """);

        Assert.Equal([1.0, 0, 1], TrendsData.Values(Assert.Single(answer.GetProperty("series").EnumerateArray())));
    }

    [Fact]
    public async Task An_unknown_saved_segment_is_404()
    {
        using var response = await host.Api.PostAsync("/api/query/trends", new StringContent($$"""
            {"series":[{"event":"{{V}}"}],"from":"2025-11-02","to":"2025-11-05","segment":"never-saved"}
            """));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_behavioural_segment_follows_merges()
    {
        // Fresh events two days ago: "did buy in the last 7 days" is about now. Session b1 buys anonymously and is then
        // named t-carol; her other session b2 views. b3 only views. Views of buyers: b2's one (t-carol, through b1's
        // purchase after the merge); views of the others: b3's two.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var day = DateTimeOffset.UtcNow.Date.AddDays(-2);
        var ts = day.AddHours(10).ToString("O");
        await host.PostOkAsync("/v1/events", $$"""{"sessionId":"b1-{{tag}}","events":[{"name":"bbuy-{{tag}}","ts":"{{ts}}"}]}""");
        await host.PostOkAsync("/v1/setUserId", $$"""{"sessionId":"b1-{{tag}}","userId":"carol-{{tag}}"}""");
        await host.PostOkAsync("/v1/events", $$"""{"sessionId":"b2-{{tag}}","events":[{"name":"bview-{{tag}}","ts":"{{ts}}"}]}""");
        await host.PostOkAsync("/v1/setUserId", $$"""{"sessionId":"b2-{{tag}}","userId":"carol-{{tag}}"}""");
        await host.PostOkAsync("/v1/events", $$"""{"sessionId":"b3-{{tag}}","events":[{"name":"bview-{{tag}}","ts":"{{ts}}"},{"name":"bview-{{tag}}","ts":"{{ts}}"}]}""");
        await host.ProcessIngestAsync();

        var from = day.ToString("yyyy-MM-dd");
        var to = day.AddDays(1).ToString("yyyy-MM-dd");
        var buyers = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"bview-{{{tag}}}"}],"interval":"total","from":"{{{from}}}","to":"{{{to}}}","segment":{"behaviors":[{"event":"bbuy-{{{tag}}}","withinDays":7}]}}
            """);
        var others = await TrendsData.TrendsAsync(host, $$$"""
            {"series":[{"event":"bview-{{{tag}}}"}],"interval":"total","from":"{{{from}}}","to":"{{{to}}}","segment":{"behaviors":[{"event":"bbuy-{{{tag}}}","did":false,"withinDays":7}]}}
            """);

        Assert.Equal(1, Assert.Single(buyers.GetProperty("series").EnumerateArray()).GetProperty("total").GetDouble());
        Assert.Equal(2, Assert.Single(others.GetProperty("series").EnumerateArray()).GetProperty("total").GetDouble());
    }
}
