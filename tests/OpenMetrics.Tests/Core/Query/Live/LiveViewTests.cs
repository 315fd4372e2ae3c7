using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Live;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Live;

/// <summary>
/// Live figures, worked out by hand, over events logged through the v1 routes at a random past day (so no other test's
/// events share its minutes) and read with the clock set to that day: per minute, active users (inactive events left
/// out, merged sessions one user) and the newest events, within an hour and across midnight.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class LiveViewTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    [Theory]
    [InlineData(14 * 60 + 30)]
    [InlineData(2)]
    public async Task Minutes_active_users_and_the_newest_events_follow_the_definitions(int minuteOfDay)
    {
        var day = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 7000));
        var now = day.AddMinutes(minuteOfDay).AddSeconds(30);
        var user = "live-user-" + _run;
        await LogAsync("a", now, ("tap", 0, true), ("tap", -60, true));
        await LogAsync("b", now, ("mail", -120, false));
        await LogAsync("c", now, ("old", -600, true));
        await LogAsync("d", now, ("first", -180, true), ("second", -180, true));
        await LogAsync("e", now, ("other", -240, true));
        await LogAsync("f", now, ("edge", -270, true));
        await host.ProcessIngestAsync();
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = Session("d"), userId = user }));
        await host.PostOkAsync("/v1/setUserId", Json(new { sessionId = Session("e"), userId = user }));
        await host.ProcessIngestAsync();
        var view = new LiveView(
            host.Services.GetRequiredService<IMinuteCounts>(),
            host.Services.GetRequiredService<IRecentEvents>(),
            host.Services.GetRequiredService<IIdentityReader>(),
            new FixedClock(now));

        var live = await view.ReadAsync(null, 50, CancellationToken.None);

        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => minute.AddMinutes(i - 59)), live.PerMinute.Select(p => p.T));
        var expected = new long[60];
        expected[59] = 1;
        expected[58] = 1;
        expected[57] = 1;
        expected[56] = 2;
        expected[55] = 2; // e at 4 minutes back, f at 4.5: both in the minute that began 4 minutes 30 seconds back
        expected[49] = 1;
        Assert.Equal(expected, live.PerMinute.Select(p => p.V));
        Assert.Equal(3, live.ActiveUsers5m); // a; d and e merged into one user; f. Not b (inactive), not c (10 minutes ago).
        Assert.Equal(
            [("tap", "$anon:" + Session("a")), ("tap", "$anon:" + Session("a")), ("mail", "$anon:" + Session("b")), ("second", user), ("first", user), ("other", user), ("edge", "$anon:" + Session("f")), ("old", "$anon:" + Session("c"))],
            live.Latest.Select(e => (e.Event, e.UserId)));
        Assert.Equal("yes", live.Latest[0].Props!.Value.GetProperty("live").GetString());

        var newestThree = await view.ReadAsync(null, 3, CancellationToken.None);
        Assert.Equal(["tap", "tap", "mail"], newestThree.Latest.Select(e => e.Event));

        var oneEvent = await view.ReadAsync("tap", 50, CancellationToken.None);
        Assert.Equal(2, oneEvent.PerMinute.Sum(p => p.V));
        Assert.Equal(1, oneEvent.ActiveUsers5m);
        Assert.Equal(2, oneEvent.Latest.Count);

        await host.CompactAsync();
        var compacted = await view.ReadAsync(null, 50, CancellationToken.None);
        Assert.Equal(expected, compacted.PerMinute.Select(p => p.V));
    }

    private string Session(string name) => $"live-{name}-{_run}";

    private Task LogAsync(string session, DateTimeOffset now, params (string Name, int Seconds, bool Active)[] events) =>
        host.PostOkAsync("/v1/events", Json(new
        {
            sessionId = Session(session),
            events = events.Select(e => new { name = e.Name, ts = now.AddSeconds(e.Seconds).ToUnixTimeMilliseconds(), props = new { live = "yes" }, options = new { active = e.Active } }),
        }));

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
