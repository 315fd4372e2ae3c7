using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>
/// Each format end to end: a hand-made export uploaded to <c>POST /api/imports</c>, its chunks processed by the
/// aggregate app's handler, and the figures of its past days read back through the real query handlers (trends from
/// the pre-aggregates after compaction and from the raw events, user sets, funnels, retention, a user's timeline).
/// Every name carries the test's run id, so the figures are those of the file alone.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class ImportFormatTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Mixpanel, NDJSON, times in seconds (lines 1-3) and in milliseconds (line 5):
    ///
    /// | line | event | distinct_id | time (UTC)       |
    /// |------|-------|-------------|------------------|
    /// | 1    | open  | ann         | 2025-02-15 10:00 (1739613600) |
    /// | 2    | open  | ben         | 2025-02-15 11:00 (1739617200) |
    /// | 3    | buy   | ann         | 2025-02-15 12:00 (1739620800) |
    /// | 4    | (not JSON: refused)                   |
    /// | 5    | open  | ann         | 2025-02-16 10:00 (1739700000000 ms) |
    /// </summary>
    private string MixpanelFile() => ImportsApi.Lines(
        $$$$"""{"event":"mp-open-{{{{_run}}}}","properties":{"time":1739613600,"distinct_id":"mp-ann-{{{{_run}}}}","$insert_id":"m1","plan":"pro"}}""",
        $$$$"""{"event":"mp-open-{{{{_run}}}}","properties":{"time":1739617200,"distinct_id":"mp-ben-{{{{_run}}}}","$insert_id":"m2"}}""",
        $$$$"""{"event":"mp-buy-{{{{_run}}}}","properties":{"time":1739620800,"distinct_id":"mp-ann-{{{{_run}}}}","$insert_id":"m3","price":12}}""",
        """{"event": oops""",
        $$$$"""{"event":"mp-open-{{{{_run}}}}","properties":{"time":1739700000000,"distinct_id":"mp-ann-{{{{_run}}}}","$insert_id":"m4"}}""");

    [Fact]
    public async Task A_mixpanel_export_shows_in_the_trends_users_and_funnels_of_its_past_days()
    {
        var status = await host.ImportAsync("mixpanel", MixpanelFile());

        // 5 lines held a record; line 4 is refused, the other 4 are events.
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(5, status.GetProperty("rowsRead").GetInt64());
        Assert.Equal(4, status.GetProperty("eventsAccepted").GetInt64());
        Assert.Equal(1, status.GetProperty("rowsRefused").GetInt64());
        Assert.Equal([4L], status.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()));
        await AssertMixpanelFiguresAsync();
    }

    [Fact]
    public async Task The_same_mixpanel_file_imported_twice_changes_no_figure()
    {
        await host.ImportAsync("mixpanel", MixpanelFile());
        var again = await host.ImportAsync("mixpanel", MixpanelFile());

        // The second import reads and accepts the same rows; their insert ids are known, so nothing counts twice.
        Assert.Equal(4, again.GetProperty("eventsAccepted").GetInt64());
        await AssertMixpanelFiguresAsync();
    }

    private async Task AssertMixpanelFiguresAsync()
    {
        await host.CompactAsync();
        foreach (var source in new[] { "preaggregate", "raw" })
        {
            // opens: ann and ben on 02-15, ann on 02-16, none on 02-17.
            var counts = await TrendsAsync($$$$"""{"series":[{"event":"mp-open-{{{{_run}}}}"}],"interval":"day","from":"2025-02-15","to":"2025-02-18","source":"{{{{source}}}}"}""");
            Assert.Equal([2.0, 1, 0], Values(counts));
            var uniques = await TrendsAsync($$$$"""{"series":[{"event":"mp-open-{{{{_run}}}}"}],"measure":"uniques","interval":"day","from":"2025-02-15","to":"2025-02-17","source":"{{{{source}}}}"}""");
            Assert.Equal([2.0, 1], Values(uniques));
        }

        // Opened, then bought within a day: ann only (ben never bought).
        var funnel = await host.PostQueryAsync("/api/query/funnel", $$$$"""{"steps":[{"event":"mp-open-{{{{_run}}}}"},{"event":"mp-buy-{{{{_run}}}}"}],"from":"2025-02-15","to":"2025-02-17","window":"P1D","fresh":true}""");
        Assert.Equal([2, 1], funnel.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt32()));

        // Daily retention of opens from 02-15: both opened on day 0; ann came back on day 1.
        var retention = await host.PostQueryAsync("/api/query/retention", $$$$"""{"startEvent":"mp-open-{{{{_run}}}}","returnEvent":"mp-open-{{{{_run}}}}","period":"day","periods":2,"from":"2025-02-15","to":"2025-02-16","fresh":true}""");
        Assert.Equal([2, 1], retention.GetProperty("cohorts")[0].GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));

        // ann's timeline: her three events, newest first.
        var timeline = await host.GetQueryAsync($"/api/users/mp-ann-{_run}/events");
        Assert.Equal(
            ["2025-02-16T10:00:00+00:00", "2025-02-15T12:00:00+00:00", "2025-02-15T10:00:00+00:00"],
            timeline.GetProperty("events").EnumerateArray().Select(e => DateTimeOffset.Parse(e.GetProperty("ts").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Amplitude, NDJSON. dev1 is anonymous on line 1 and names its user amy on line 2 (a merge, as setUserId);
    /// amy buys on another device (dev2); dev3 stays anonymous.
    ///
    /// | line | event_type | user_id | device_id | event_time (UTC)    | user_properties |
    /// |------|------------|---------|-----------|---------------------|-----------------|
    /// | 1    | view       |         | dev1      | 2025-02-10 09:00    | plan free       |
    /// | 2    | view       | amy     | dev1      | 2025-02-10 10:00    | plan pro        |
    /// | 3    | buy        | amy     | dev2      | 2025-02-11 08:00    |                 |
    /// | 4    | view       |         | dev3      | 2025-02-11 09:00    |                 |
    /// </summary>
    [Fact]
    public async Task An_amplitude_export_merges_devices_into_users_and_keeps_a_later_live_property()
    {
        var file = ImportsApi.Lines(
            $$$$"""{"event_type":"am-view-{{{{_run}}}}","user_id":null,"device_id":"dev1-{{{{_run}}}}","event_time":"2025-02-10 09:00:00.000000","insert_id":"a1","event_properties":{},"user_properties":{"plan":"free"}}""",
            $$$$"""{"event_type":"am-view-{{{{_run}}}}","user_id":"amy-{{{{_run}}}}","device_id":"dev1-{{{{_run}}}}","event_time":"2025-02-10 10:00:00.000000","insert_id":"a2","event_properties":{"page":"/pricing"},"user_properties":{"plan":"pro"}}""",
            $$$$"""{"event_type":"am-buy-{{{{_run}}}}","user_id":"amy-{{{{_run}}}}","device_id":"dev2-{{{{_run}}}}","event_time":"2025-02-11 08:00:00.000000","insert_id":"a3","event_properties":{"price":30},"user_properties":{}}""",
            $$$$"""{"event_type":"am-view-{{{{_run}}}}","user_id":null,"device_id":"dev3-{{{{_run}}}}","event_time":"2025-02-11 09:00:00.000000","insert_id":"a4","event_properties":{},"user_properties":{}}""");
        var status = await host.ImportAsync("amplitude", file);
        Assert.Equal(4, status.GetProperty("eventsAccepted").GetInt64());
        await host.CompactAsync();

        // Views: 2 on 02-10 by one person (dev1 is amy), 1 on 02-11 by dev3.
        Assert.Equal(new double[] { 2.0, 1 }, Values(await TrendsAsync($$$$"""{"series":[{"event":"am-view-{{{{_run}}}}"}],"interval":"day","from":"2025-02-10","to":"2025-02-12"}""")));
        Assert.Equal(new double[] { 1.0, 1 }, Values(await TrendsAsync($$$$"""{"series":[{"event":"am-view-{{{{_run}}}}"}],"measure":"uniques","interval":"day","from":"2025-02-10","to":"2025-02-12"}""")));

        // Viewed, then bought within 2 days: amy (on two devices) did both; dev3 only viewed.
        var funnel = await host.PostQueryAsync("/api/query/funnel", $$$$"""{"steps":[{"event":"am-view-{{{{_run}}}}"},{"event":"am-buy-{{{{_run}}}}"}],"from":"2025-02-10","to":"2025-02-12","window":"P2D","fresh":true}""");
        Assert.Equal([2, 1], funnel.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt32()));

        // amy's plan is the later row's (pro, 10:00); a live write now (2026) wins over a re-import of the older rows.
        Assert.Equal("pro", (await host.GetQueryAsync($"/api/users/amy-{_run}")).GetProperty("props").GetProperty("plan").GetString());
        await host.PostOkAsync("/v1/setUserId", $$$$"""{"sessionId":"live-{{{{_run}}}}","userId":"amy-{{{{_run}}}}"}""");
        await host.PostOkAsync("/v1/setUserProps", $$$$"""{"sessionId":"live-{{{{_run}}}}","props":{"plan":"team"}}""");
        await host.ProcessIngestAsync();
        await host.ImportAsync("amplitude", file);
        Assert.Equal("team", (await host.GetQueryAsync($"/api/users/amy-{_run}")).GetProperty("props").GetProperty("plan").GetString());
    }

    /// <summary>
    /// PostHog, a JSON array: u1 views twice on 2025-01-20 (09:00, 09:30), u2 once on 2025-01-21 10:00.
    /// </summary>
    [Fact]
    public async Task A_posthog_export_counts_its_events_on_their_own_days()
    {
        var file = $$$$"""
            [{"event":"ph-view-{{{{_run}}}}","distinct_id":"ph-u1-{{{{_run}}}}","timestamp":"2025-01-20T09:00:00Z","uuid":"0194a1c0-0000-7000-8000-000000000001","properties":{"$set":{"plan":"pro"}}},
             {"event":"ph-view-{{{{_run}}}}","distinct_id":"ph-u1-{{{{_run}}}}","timestamp":"2025-01-20T09:30:00Z","uuid":"0194a1c0-0000-7000-8000-000000000002","properties":{}},
             {"event":"ph-view-{{{{_run}}}}","distinct_id":"ph-u2-{{{{_run}}}}","timestamp":"2025-01-21T10:00:00Z","uuid":"0194a1c0-0000-7000-8000-000000000003","properties":{}}]
            """;
        var status = await host.ImportAsync("posthog", file);
        Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
        await host.CompactAsync();

        // 2 views by 1 user on 01-20, 1 by 1 on 01-21.
        Assert.Equal(new double[] { 2.0, 1 }, Values(await TrendsAsync($$$$"""{"series":[{"event":"ph-view-{{{{_run}}}}"}],"interval":"day","from":"2025-01-20","to":"2025-01-22"}""")));
        Assert.Equal(new double[] { 1.0, 1 }, Values(await TrendsAsync($$$$"""{"series":[{"event":"ph-view-{{{{_run}}}}"}],"measure":"uniques","interval":"day","from":"2025-01-20","to":"2025-01-22"}""")));
    }

    /// <summary>Our own format, CSV with a header: o1 signs up on 2025-03-03 08:00 and 09:00 (two sessions of one user), o2 on 03-04.</summary>
    [Fact]
    public async Task An_openmetrics_csv_counts_per_user_across_sessions()
    {
        var file = $"""
            name,ts,userId,id
            om-signup-{_run},2025-03-03T08:00:00Z,o1-{_run},e1
            om-signup-{_run},2025-03-03T09:00:00Z,o1-{_run},e2
            om-signup-{_run},2025-03-04T08:00:00Z,o2-{_run},e3

            """;
        var status = await host.ImportAsync("openmetrics", file);
        Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
        await host.CompactAsync();

        // 03-03: 2 signups by o1 alone; 03-04: 1 by o2.
        Assert.Equal(new double[] { 2.0, 1 }, Values(await TrendsAsync($$$$"""{"series":[{"event":"om-signup-{{{{_run}}}}"}],"interval":"day","from":"2025-03-03","to":"2025-03-05"}""")));
        Assert.Equal(new double[] { 1.0, 1 }, Values(await TrendsAsync($$$$"""{"series":[{"event":"om-signup-{{{{_run}}}}"}],"measure":"uniques","interval":"day","from":"2025-03-03","to":"2025-03-05"}""")));
    }

    private Task<JsonElement> TrendsAsync(string json) => host.PostQueryAsync("/api/query/trends", json);

    private static double[] Values(JsonElement answer) =>
        [.. Assert.Single(answer.GetProperty("series").EnumerateArray()).GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble())];
}
