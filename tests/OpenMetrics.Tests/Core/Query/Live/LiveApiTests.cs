using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Apps.Query.Live;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Live;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Live;

/// <summary>
/// <c>GET /api/live</c>: an event answered <c>ok</c> is in every figure once its message is processed (docs/semantics.md,
/// "Live"), read by the route's own handler with the clock set to a day of 2024 no other test logs on. How soon after the <c>ok</c> that is, is a latency: the load benchmark measures it, not a test.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class LiveApiTests(QueryHostFixture host)
{
    private static readonly DateTimeOffset Now = new(2024, 2, 29, 10, 15, 30, TimeSpan.Zero);

    /// <summary>The day before: nothing at all is logged on 28 February 2024.</summary>
    private static readonly DateTimeOffset QuietNow = new(2024, 2, 28, 10, 15, 30, TimeSpan.Zero);

    [Fact]
    public async Task An_event_answered_ok_is_in_latest_and_per_minute_once_processed()
    {
        var name = "fresh-" + Guid.NewGuid().ToString("N");
        var session = "live-api-" + Guid.NewGuid().ToString("N");
        var ts = Now.AddSeconds(-20); // 10:15:10: the current minute, and inside the last 5 minutes
        await host.PostOkAsync("/v1/events", JsonSerializer.Serialize(new { sessionId = session, events = new[] { new { name, ts = ts.ToString("O"), props = new { plan = "pro" } } } }));
        await host.ProcessIngestAsync();

        var ofEvent = await GetAsync($"?event={name}", Now);
        var everything = await GetAsync("?limit=500", Now);

        var perMinute = ofEvent.GetProperty("perMinute").EnumerateArray().Select(p => p.GetProperty("v").GetInt64()).ToList();
        Assert.Equal([.. Enumerable.Repeat(0L, 59), 1L], perMinute); // the last minute is 10:15, the event's
        var listed = Assert.Single(ofEvent.GetProperty("latest").EnumerateArray());
        Assert.Equal(name, listed.GetProperty("event").GetString());
        Assert.Equal(ts, listed.GetProperty("ts").GetDateTimeOffset());
        Assert.Equal("$anon:" + session, listed.GetProperty("userId").GetString());
        Assert.Equal("pro", listed.GetProperty("props").GetProperty("plan").GetString());
        Assert.Equal(1, ofEvent.GetProperty("activeUsers5m").GetInt32());
        Assert.Single(everything.GetProperty("latest").EnumerateArray(), e => e.GetProperty("event").GetString() == name);
    }

    [Fact]
    public async Task Per_minute_is_exactly_the_last_60_minutes_oldest_first_ending_with_the_current_one()
    {
        var live = await GetAsync("", QuietNow);

        // 10:15:30 is in the minute 10:15; 59 minutes before it is 09:16. Nothing is logged that day: every count 0,
        // no active user, no event.
        var minutes = live.GetProperty("perMinute").EnumerateArray().ToList();
        Assert.Equal(
            Enumerable.Range(0, 60).Select(i => new DateTimeOffset(2024, 2, 28, 9, 16, 0, TimeSpan.Zero).AddMinutes(i)),
            minutes.Select(p => p.GetProperty("t").GetDateTimeOffset()));
        Assert.Equal(new DateTimeOffset(2024, 2, 28, 10, 15, 0, TimeSpan.Zero), minutes[^1].GetProperty("t").GetDateTimeOffset());
        Assert.All(minutes, p => Assert.Equal(0, p.GetProperty("v").GetInt64()));
        Assert.Equal(QuietNow, live.GetProperty("computedAt").GetDateTimeOffset());
        Assert.Equal(0, live.GetProperty("activeUsers5m").GetInt32());
        Assert.Empty(live.GetProperty("latest").EnumerateArray());
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

    /// <summary>The answer of the route's handler, with the host's storage and the clock at <paramref name="now"/>.</summary>
    private async Task<JsonElement> GetAsync(string query, DateTimeOffset now)
    {
        var view = new LiveView(
            host.Services.GetRequiredService<IMinuteCounts>(),
            host.Services.GetRequiredService<IRecentEvents>(),
            host.Services.GetRequiredService<IIdentityReader>(),
            new FakeTimeProvider(now));
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Method = "GET";
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);

        var answer = await new LiveHandler(view).HandleAsync(request, null, CancellationToken.None);

        Assert.Equal(200, answer.Status);
        using var document = JsonDocument.Parse(answer.Body);
        return document.RootElement.Clone();
    }
}
