using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query.Live;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Live;

/// <summary>
/// The live view's rules over in-memory readers (no Azurite): users resolved now, the five-minute window, newest
/// first, per-minute counts by position. The Azurite end-to-end cases are in <see cref="LiveViewTests"/>.
/// </summary>
public sealed class LiveViewInMemoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 12, 30, 20, TimeSpan.Zero);

    [Fact]
    public async Task Active_users_and_the_newest_events_name_each_session_s_user_now()
    {
        var events = new InMemoryLiveEvents();
        events.Events.Add(Event("s1", "view", Now.AddMinutes(-2), writtenAs: "anon-1"));
        events.Events.Add(Event("s2", "view", Now.AddMinutes(-1), writtenAs: "u2"));
        events.Events.Add(Event("s3", "old", Now.AddMinutes(-20), writtenAs: "anon-3"));
        var identity = new InMemoryIdentity();
        identity.SessionOwners["s1"] = "u2"; // a setUserId after the event moved s1 to u2
        identity.SessionOwners["s2"] = "u2";
        var view = new LiveView(events, events, identity, new FakeTimeProvider(Now));

        var live = await view.ReadAsync(null, 10, CancellationToken.None);

        Assert.Equal(1, live.ActiveUsers5m);
        Assert.Equal(["s2", "s1", "s3"], live.Latest.Select(e => e.SessionId));
        Assert.Equal(["u2", "u2", "anon-3"], live.Latest.Select(e => e.UserId));
        Assert.Equal(Now, live.ComputedAt);
    }

    [Fact]
    public async Task Per_minute_counts_end_at_the_current_minute_and_one_event_filters_all_three_figures()
    {
        var events = new InMemoryLiveEvents();
        events.Events.Add(Event("s1", "view", Now.AddMinutes(-1), writtenAs: "u1"));
        events.Events.Add(Event("s1", "view", Now, writtenAs: "u1"));
        events.Events.Add(Event("s2", "buy", Now, writtenAs: "u2"));
        var view = new LiveView(events, events, new InMemoryIdentity(), new FakeTimeProvider(Now));

        var live = await view.ReadAsync("view", 10, CancellationToken.None);

        Assert.Equal(LiveView.Minutes, live.PerMinute.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 12, 30, 0, TimeSpan.Zero), live.PerMinute[^1].T);
        Assert.Equal([1L, 1L], live.PerMinute.TakeLast(2).Select(m => m.V));
        Assert.Equal(2, live.PerMinute.Sum(m => m.V));
        Assert.Equal(1, live.ActiveUsers5m);
        Assert.All(live.Latest, e => Assert.Equal("view", e.Event));
    }

    private static StoredEvent Event(string session, string name, DateTimeOffset ts, string writtenAs) =>
        new(session, Guid.NewGuid().ToString("N"), name, ts, ts, 0, true, null, writtenAs);
}
