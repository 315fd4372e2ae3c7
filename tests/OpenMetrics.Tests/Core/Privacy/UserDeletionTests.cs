using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage.Privacy;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Privacy;

/// <summary>
/// <c>DELETE /api/users/{id}</c> and <c>GET /api/users/{id}/export</c> over data sent through the v1 routes and drained
/// by the local host's poller into a real Azurite: after the delete nothing of the user is readable through any route
/// (nor left in a table, apart from the deletion record and session marks), while another user's data is untouched.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class UserDeletionTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    // A few minutes ago, so that live's newest events (current and previous UTC hour) show them.
    private readonly DateTimeOffset _at = DateTimeOffset.UtcNow.AddMinutes(-3);

    private string Alice => "alice-" + _run;

    private string Bob => "bob-" + _run;

    private string AliceEmail => $"alice.{_run}@example.com";

    [Fact]
    public async Task After_the_delete_nothing_of_the_user_is_readable_through_any_route_and_another_users_data_is_untouched()
    {
        await SeedAsync();
        var funnelBefore = await FunnelAsync();
        Assert.Equal([Alice, Bob], DroppedOffUsers(funnelBefore));
        Assert.Equal(2.0, await UniqueViewersAsync());

        using var deleted = await host.Api.DeleteAsync($"/api/users/{Alice}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var record = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["a1-" + _run, "a2-" + _run], record.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("completedAt").ValueKind);

        // People: profile (with its sessions), the anonymous id merged into it, timeline, export, search.
        foreach (var path in new[] { $"/api/users/{Alice}", $"/api/users/{Anon("a1")}", $"/api/users/{Alice}/events", $"/api/users/{Anon("a2")}/events", $"/api/users/{Alice}/export" })
        {
            using var gone = await host.Api.GetAsync(path);
            Assert.True(gone.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)gone.StatusCode}");
        }

        Assert.Equal([Bob], Users(await host.GetQueryAsync($"/api/users?search={_run}&limit=1000")));
        Assert.Empty(Users(await host.GetQueryAsync($"/api/users?search={Uri.EscapeDataString(AliceEmail)}")));

        // Funnels (the answer cached before the delete included) and their drop-off lists.
        Assert.Equal([Bob], DroppedOffUsers(await FunnelAsync()));
        var dropoff = await host.PostQueryAsync("/api/query/funnel/dropoff", FunnelJson(""","step":0"""));
        Assert.Equal([Bob], dropoff.GetProperty("users").EnumerateArray().Select(u => u.GetString()));

        // Live's newest events, a trends breakdown by a user property, uniques from the exact user sets.
        var live = await host.GetQueryAsync($"/api/live?event=view-{_run}&limit=500");
        Assert.Equal(["b1-" + _run], live.GetProperty("latest").EnumerateArray().Select(e => e.GetProperty("sessionId").GetString()).Distinct());
        var byEmail = await TrendsAsync($$$"""{"series":[{"event":"view-{{{_run}}}"}],"interval":"total","from":"{{{Day(0)}}}","to":"{{{Day(1)}}}","breakdown":{"prop":"email","on":"user"}}""");
        Assert.DoesNotContain(AliceEmail, byEmail.GetRawText(), StringComparison.Ordinal);
        // Bob has no email: his two views are the one line left, "not set".
        Assert.Equal([2.0], byEmail.GetProperty("series").EnumerateArray().Select(l => l.GetProperty("total").GetDouble()));
        Assert.Equal(1.0, await UniqueViewersAsync());

        // Bob keeps everything.
        var bob = await host.GetQueryAsync($"/api/users/{Bob}");
        Assert.Equal(3, bob.GetProperty("eventCount").GetInt64());
        Assert.Equal("NL", bob.GetProperty("props").GetProperty("country").GetString());
        Assert.Equal(3, (await host.GetQueryAsync($"/api/users/{Bob}/events")).GetProperty("events").GetArrayLength());

        // Storage itself: no row names Alice, her email or her sessions, but her deletion record and session marks.
        Assert.Empty(await RowsMentioningAsync(Alice, AliceEmail, "a1-" + _run, "a2-" + _run));
    }

    [Fact]
    public async Task Calls_of_a_deleted_session_that_arrive_later_are_not_recorded_and_a_second_delete_answers_the_same_record()
    {
        await SeedAsync();
        using var first = await host.Api.DeleteAsync($"/api/users/{Alice}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The client of session a1 goes on logging (or its calls were still queued): nothing of it is stored.
        await LogAsync("a1", ("view", 30));
        await host.PostOkAsync("/v1/setUserProps", Json(new { sessionId = "a1-" + _run, props = new { email = AliceEmail } }));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = "a1-" + _run, userId = Alice }));
        await host.ProcessIngestAsync();

        using var again = await host.Api.DeleteAsync($"/api/users/{Alice}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var record = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["a1-" + _run, "a2-" + _run], record.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        using var profile = await host.Api.GetAsync($"/api/users/{Anon("a1")}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Empty(await RowsMentioningAsync(Alice, AliceEmail, "a1-" + _run, "a2-" + _run));

        using var never = await host.Api.DeleteAsync($"/api/users/nobody-{_run}");
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }

    [Fact]
    public async Task A_deletion_that_stopped_half_way_is_finished_by_the_retention_timer()
    {
        await SeedAsync();

        // The steps of a DELETE up to a crash: the record written, one session's raw events deleted, nothing more.
        var footprint = (await host.Services.GetRequiredService<UserFootprint>().FindAsync(Alice, CancellationToken.None))!.Value;
        var record = new DeletionRecord(Alice, footprint.Users, footprint.Sessions, footprint.Months, DateTimeOffset.UtcNow, null);
        await host.Services.GetRequiredService<DeletionMarks>().WriteRecordAsync(record, CancellationToken.None);
        await host.Services.GetRequiredService<UserDeletion>().DeleteRawEventsAsync("a1-" + _run, CancellationToken.None);
        Assert.NotEmpty(await RowsMentioningAsync(Alice, AliceEmail, "a1-" + _run, "a2-" + _run));

        await host.Services.GetRequiredService<DataRetention>().RunAsync(CancellationToken.None);

        Assert.Empty(await RowsMentioningAsync(Alice, AliceEmail, "a1-" + _run, "a2-" + _run));
        var finished = await host.Services.GetRequiredService<DeletionMarks>().ReadRecordAsync(Alice, CancellationToken.None);
        Assert.NotNull(finished?.CompletedAt);
        Assert.Equal(3, (await host.GetQueryAsync($"/api/users/{Bob}")).GetProperty("eventCount").GetInt64());
    }

    [Fact]
    public async Task The_export_holds_the_profile_with_write_times_every_session_and_raw_event_and_the_memberships()
    {
        await SeedAsync();

        var export = await host.GetQueryAsync($"/api/users/{Alice}/export");

        Assert.Equal(Alice, export.GetProperty("userId").GetString());
        var profiles = export.GetProperty("profiles").EnumerateArray().ToDictionary(p => p.GetProperty("userId").GetString()!);
        Assert.Equal(AliceEmail, profiles[Alice].GetProperty("props").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.String, profiles[Alice].GetProperty("propTimes").GetProperty("email").ValueKind);
        Assert.Equal(Alice, profiles["$anon:a1-" + _run].GetProperty("mergedInto").GetString());
        var sessions = export.GetProperty("sessions").EnumerateArray().ToDictionary(s => s.GetProperty("sessionId").GetString()!);
        Assert.Equal(["a1-" + _run, "a2-" + _run], sessions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["view", "signup"], sessions["a1-" + _run].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()!.Split('-')[0]));
        Assert.Equal("web", sessions["a1-" + _run].GetProperty("props").GetProperty("channel").GetString());
        var memberships = export.GetProperty("memberships").EnumerateArray().Select(m => (m.GetProperty("bucket").GetString()![0], m.GetProperty("event").GetString())).ToHashSet();
        Assert.Contains(('M', "view-" + _run), memberships);
        Assert.Contains(('d', "*"), memberships);
    }

    /// <summary>
    /// Alice: anonymous session a1 (signup, view), named alice with an email, then session a2 (view) named alice too.
    /// Bob: session b1 (signup, view, view), named bob, country NL. Nobody buys: both drop off at the funnel's step 1.
    /// </summary>
    private async Task SeedAsync()
    {
        await LogAsync("a1", ("signup", 0), ("view", 10));
        await LogAsync("b1", ("signup", 0), ("view", 5), ("view", 15));
        await host.PostOkAsync("/v1/setSessionProps", Json(new { sessionId = "a1-" + _run, props = new { channel = "web" } }));
        await host.PostOkAsync("/v1/setUserProps", Json(new { sessionId = "a1-" + _run, props = new { email = AliceEmail } }));
        await host.PostOkAsync("/v1/setUserProps", Json(new { sessionId = "b1-" + _run, props = new { country = "NL" } }));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = "a1-" + _run, userId = Alice }));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = "b1-" + _run, userId = Bob }));
        await host.ProcessIngestAsync();
        await LogAsync("a2", ("view", 20));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = "a2-" + _run, userId = Alice }));
        await host.ProcessIngestAsync();
        await host.CompactAsync();
    }

    private async Task LogAsync(string session, params (string Name, int Seconds)[] events)
    {
        var batch = events.Select(e => new { name = $"{e.Name}-{_run}", ts = _at.AddSeconds(e.Seconds).ToUnixTimeMilliseconds(), props = new { page = "/home" } });
        await host.PostOkAsync("/v1/events", Json(new { sessionId = $"{session}-{_run}", events = batch }));
    }

    private string FunnelJson(string extra = "") =>
        $$"""{"steps":[{"event":"signup-{{_run}}"},{"event":"buy-{{_run}}"}],"from":"{{Day(-1)}}","to":"{{Day(1)}}"{{extra}}}""";

    private Task<JsonElement> FunnelAsync() => host.PostQueryAsync("/api/query/funnel", FunnelJson());

    private static List<string?> DroppedOffUsers(JsonElement funnel) =>
        [.. funnel.GetProperty("steps")[0].GetProperty("droppedOffUsers").EnumerateArray().Select(u => u.GetString()).Order(StringComparer.Ordinal)];

    private async Task<double> UniqueViewersAsync()
    {
        var answer = await TrendsAsync($$"""{"series":[{"event":"view-{{_run}}","measure":"uniques"}],"interval":"total","from":"{{Day(0)}}","to":"{{Day(1)}}"}""");
        return answer.GetProperty("series")[0].GetProperty("total").GetDouble();
    }

    private Task<JsonElement> TrendsAsync(string json) => host.PostQueryAsync("/api/query/trends", json);

    private string Day(int offset) => _at.UtcDateTime.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Anon(string session) => Uri.EscapeDataString($"$anon:{session}-{_run}");

    /// <summary>Rows of every table whose keys or values hold one of the texts, leaving out the deletion's own rows.</summary>
    private async Task<List<string>> RowsMentioningAsync(params string[] texts)
    {
        var found = new List<string>();
        var tables = host.Storage.Tables();
        await foreach (var item in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(item.Name).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey.StartsWith("d_", StringComparison.Ordinal) || row.RowKey == DeletionMarks.SessionMarkRow)
                {
                    continue;
                }

                var text = string.Join("|", row.Select(pair => $"{pair.Key}={pair.Value}")) + "|" + KeyEncoding.Decode(row.PartitionKey) + "|" + KeyEncoding.Decode(row.RowKey);
                if (texts.Any(t => text.Contains(t, StringComparison.Ordinal)))
                {
                    found.Add($"{item.Name}: {row.PartitionKey} / {row.RowKey}");
                }
            }
        }

        return found;
    }

    private static List<string> Users(JsonElement answer) =>
        [.. answer.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userId").GetString()!)];

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
