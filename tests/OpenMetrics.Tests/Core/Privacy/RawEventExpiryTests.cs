using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Privacy;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Privacy;

/// <summary>Data retention gets its own Azurite: it deletes every raw event before its cutoff, whoever's test wrote it.</summary>
[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<QueryHostFixture>
{
    public const string Name = "retention";
}

/// <summary>
/// <c>OpenMetrics:Retention:RawEventDays</c>: raw events and sessions older than the cutoff go (timelines, raw trends,
/// funnels answer without them), pre-aggregated trends keep counting them. Data sent through the v1 routes and drained
/// by the local host's poller; the cutoff comes from a <see cref="FakeTimeProvider"/>.
/// </summary>
[Collection(RetentionCollection.Name)]
public sealed class RawEventExpiryTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly DateTimeOffset _today = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    [Fact]
    public async Task Events_older_than_the_cutoff_leave_timelines_and_raw_trends_while_pre_aggregated_trends_are_unchanged()
    {
        // Session k1 (named keeper): a visit 20 days ago and one 2 days ago. Session k2: one visit 20 days ago only.
        var old = _today.AddDays(-20).AddHours(10);
        var recent = _today.AddDays(-2).AddHours(10);
        await LogAsync("k1", old);
        await LogAsync("k1", recent);
        await LogAsync("k2", old);
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", JsonSerializer.Serialize(new { sessionId = "k1-" + _run, userId = Keeper }));
        await host.ProcessIngestAsync();
        await host.CompactAsync();
        Assert.Equal(3.0, await TotalAsync("raw"));
        Assert.Equal(3.0, await TotalAsync("preaggregate"));

        // Seven days kept, counted from a clock the test sets: the visits 20 days ago are past it, the ones 2 days ago not.
        var clock = new FakeTimeProvider(_today.AddHours(12));
        var expiry = new RawEventExpiry(host.Services.GetRequiredService<AggregationTables>(), clock);
        await expiry.DeleteOlderThanAsync(7, CancellationToken.None);

        Assert.Equal([recent], await TimelineAsync(Keeper));
        Assert.Equal(1.0, await TotalAsync("raw"));
        Assert.Equal(3.0, await TotalAsync("preaggregate"));
        Assert.Equal(0, await FunnelEntriesAsync(old));
        Assert.Equal(["k1-" + _run], await SessionsAsync(Keeper));
        using (var profile = await host.Api.GetAsync($"/api/users/{Uri.EscapeDataString("$anon:k2-" + _run)}"))
        {
            // Profiles are kept; the expired session is gone from it.
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Equal(0, JsonDocument.Parse(await profile.Content.ReadAsStringAsync()).RootElement.GetProperty("sessions").GetArrayLength());
        }

        // Ten days on, the recent visit is past the cutoff too; running again over what is already gone changes nothing else.
        clock.Advance(TimeSpan.FromDays(10));
        await expiry.DeleteOlderThanAsync(7, CancellationToken.None);
        await expiry.DeleteOlderThanAsync(7, CancellationToken.None);

        Assert.Empty(await TimelineAsync(Keeper));
        Assert.Equal(0.0, await TotalAsync("raw"));
        Assert.Equal(3.0, await TotalAsync("preaggregate"));
    }

    private string Keeper => "keeper-" + _run;

    private Task LogAsync(string session, DateTimeOffset at) =>
        host.PostOkAsync("/v1/events", JsonSerializer.Serialize(new { sessionId = $"{session}-{_run}", events = new[] { new { name = "visit-" + _run, ts = at.ToUnixTimeMilliseconds() } } }));

    private async Task<double> TotalAsync(string source)
    {
        var answer = await host.PostQueryAsync("/api/query/trends", $$"""
            {"series":[{"event":"visit-{{_run}}"}],"interval":"total","from":"{{Day(-25)}}","to":"{{Day(1)}}","source":"{{source}}"}
            """);
        Assert.Equal(source, answer.GetProperty("meta").GetProperty("source").GetString());
        return answer.GetProperty("series")[0].GetProperty("total").GetDouble();
    }

    private async Task<int> FunnelEntriesAsync(DateTimeOffset day)
    {
        var answer = await host.PostQueryAsync("/api/query/funnel", $$"""
            {"steps":[{"event":"visit-{{_run}}"},{"event":"visit-{{_run}}"}],"from":"{{day:yyyy-MM-dd}}","to":"{{day.AddDays(1):yyyy-MM-dd}}","fresh":true}
            """);
        return answer.GetProperty("steps")[0].GetProperty("users").GetInt32();
    }

    private async Task<List<DateTimeOffset>> TimelineAsync(string user)
    {
        var page = await GetAsync($"/api/users/{user}/events");
        return [.. page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("ts").GetDateTimeOffset())];
    }

    private async Task<List<string?>> SessionsAsync(string user) =>
        [.. (await GetAsync($"/api/users/{user}")).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString())];

    private string Day(int offset) => _today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await host.Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
