using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>
/// A team that logged live with event ids, and sent the same events to another tool with the same insert ids, imports
/// that tool's export: the events already stored live, under another session of the same user, count once.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class ImportOverlapTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Live, session live-R linked to user U, two opens with ids m1 (2025-02-15 10:00) and m2 (11:00).
    /// The Mixpanel export of U holds m1 and m2 again, and m3 (12:00), which never came live.
    /// Opens on 2025-02-15: m1, m2, m3 = 3 (not 5); one user.
    /// </summary>
    [Fact]
    public async Task An_export_that_repeats_live_events_of_the_same_user_counts_each_once()
    {
        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"live-{{{_run}}}","userId":"u-{{{_run}}}"}""");
        await host.PostOkAsync("/v1/events", $$$"""
            {"sessionId":"live-{{{_run}}}","events":[
              {"name":"open-{{{_run}}}","id":"m1","ts":1739613600000},
              {"name":"open-{{{_run}}}","id":"m2","ts":1739617200000}]}
            """);
        await host.ProcessIngestAsync();

        var status = await host.ImportAsync("mixpanel", ImportsApi.Lines(
            $$$$"""{"event":"open-{{{{_run}}}}","properties":{"time":1739613600,"distinct_id":"u-{{{{_run}}}}","$insert_id":"m1"}}""",
            $$$$"""{"event":"open-{{{{_run}}}}","properties":{"time":1739617200,"distinct_id":"u-{{{{_run}}}}","$insert_id":"m2"}}""",
            $$$$"""{"event":"open-{{{{_run}}}}","properties":{"time":1739620800,"distinct_id":"u-{{{{_run}}}}","$insert_id":"m3"}}"""));

        // Every row is accepted; the two known ones count nothing more.
        Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
        await host.CompactAsync();
        foreach (var source in new[] { "preaggregate", "raw" })
        {
            Assert.Equal(new[] { 3.0 }, await OpensAsync("count", source));
            Assert.Equal(new[] { 1.0 }, await OpensAsync("uniques", source));
        }

        // U's timeline holds each event once: m3, m2, m1.
        var timeline = await host.GetQueryAsync($"/api/users/u-{_run}/events");
        Assert.Equal(3, timeline.GetProperty("events").GetArrayLength());
    }

    /// <summary>
    /// Ids are per user, not global: user V's live event "m1" and user W's imported "m1" are two events.
    /// Opens on 2025-02-15: 2, by 2 users.
    /// </summary>
    [Fact]
    public async Task The_same_id_under_another_user_is_another_event()
    {
        await host.PostOkAsync("/v1/setUserId", $$$"""{"sessionId":"live-{{{_run}}}","userId":"v-{{{_run}}}"}""");
        await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"live-{{{_run}}}","events":[{"name":"open-{{{_run}}}","id":"m1","ts":1739613600000}]}""");
        await host.ProcessIngestAsync();

        await host.ImportAsync("mixpanel", ImportsApi.Lines(
            $$$$"""{"event":"open-{{{{_run}}}}","properties":{"time":1739613600,"distinct_id":"w-{{{{_run}}}}","$insert_id":"m1"}}"""));
        await host.CompactAsync();

        Assert.Equal(new[] { 2.0 }, await OpensAsync("count", "raw"));
        Assert.Equal(new[] { 2.0 }, await OpensAsync("uniques", "raw"));
    }

    private async Task<double[]> OpensAsync(string measure, string source)
    {
        var answer = await host.PostQueryAsync("/api/query/trends", $$$"""{"series":[{"event":"open-{{{_run}}}"}],"measure":"{{{measure}}}","interval":"day","from":"2025-02-15","to":"2025-02-16","source":"{{{source}}}"}""");
        return [.. Assert.Single(answer.GetProperty("series").EnumerateArray()).GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble())];
    }
}
