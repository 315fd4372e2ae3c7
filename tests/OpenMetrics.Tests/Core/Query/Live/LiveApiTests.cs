using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.Query.Live;

/// <summary><c>GET /api/live</c> through the local host: an event answered <c>ok</c> shows within 5 seconds (docs/semantics.md, "Live").</summary>
[Collection(QueryCollection.Name)]
public sealed class LiveApiTests(QueryHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_event_answered_ok_is_in_latest_and_per_minute_within_5_seconds()
    {
        var name = "fresh-" + Guid.NewGuid().ToString("N");
        var session = "live-api-" + Guid.NewGuid().ToString("N");
        await host.PostOkAsync("/v1/events", JsonSerializer.Serialize(new { sessionId = session, events = new[] { new { name, props = new { plan = "pro" } } } }));
        var sinceOk = Stopwatch.StartNew();

        while (true)
        {
            var ofEvent = await GetAsync($"/api/live?event={name}");
            var everything = await GetAsync("/api/live?limit=500");
            var counted = ofEvent.GetProperty("perMinute").EnumerateArray().Sum(p => p.GetProperty("v").GetInt64());
            var listed = ofEvent.GetProperty("latest").EnumerateArray().ToList();
            var inStream = everything.GetProperty("latest").EnumerateArray().Any(e => e.GetProperty("event").GetString() == name);
            if (counted == 1 && listed.Count == 1 && inStream)
            {
                Assert.Equal("$anon:" + session, listed[0].GetProperty("userId").GetString());
                Assert.Equal("pro", listed[0].GetProperty("props").GetProperty("plan").GetString());
                Assert.Equal(1, ofEvent.GetProperty("activeUsers5m").GetInt32());
                output.WriteLine($"live {sinceOk.ElapsedMilliseconds} ms after ok");
                return;
            }

            Assert.True(sinceOk.Elapsed < Deadline, $"Not live {Deadline.TotalSeconds} s after ok: counted {counted}, listed {listed.Count}, in the stream {inStream}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Per_minute_is_exactly_the_last_60_minutes_oldest_first_ending_with_the_current_one()
    {
        var before = Minute(DateTimeOffset.UtcNow);
        var live = await GetAsync("/api/live");
        var after = Minute(DateTimeOffset.UtcNow);

        var minutes = live.GetProperty("perMinute").EnumerateArray().Select(p => p.GetProperty("t").GetDateTimeOffset()).ToList();
        Assert.Equal(60, minutes.Count);
        Assert.InRange(minutes[^1], before, after);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => minutes[^1].AddMinutes(i - 59)), minutes);
        Assert.True(live.GetProperty("activeUsers5m").GetInt32() >= 0);
        Assert.Equal(JsonValueKind.Array, live.GetProperty("latest").ValueKind);
    }

    [Theory]
    [InlineData("/api/live?limit=0")]
    [InlineData("/api/live?limit=501")]
    [InlineData("/api/live?limit=x")]
    public async Task A_bad_limit_is_400(string path)
    {
        using var response = await host.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static DateTimeOffset Minute(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await host.Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
