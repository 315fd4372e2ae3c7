using System.Net;
using System.Text.Json;
using OpenMetrics.Apps.Query.Catalog;
using OpenMetrics.Core.Query.Catalog;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Catalog;

/// <summary>
/// The catalog (docs/query.md: event names with counts, last seen and property keys, plus values for autocompletion) over
/// events logged through the v1 routes at chosen past times, worked out by hand; and its 30-second memory.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class CatalogTests(QueryHostFixture host)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly DateTimeOffset _today = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    [Fact]
    public async Task Counts_last_seen_keys_and_values_cover_the_last_30_days_before_and_after_compaction()
    {
        var signup = "cat-signup-" + _run;
        var share = "cat-share-" + _run;
        await LogAsync(signup, _today.AddDays(-3).AddHours(10).AddMinutes(17).AddSeconds(20), new { plan = "pro", price = 9.5, country = "NL" });
        await LogAsync(signup, _today.AddDays(-3).AddHours(10).AddMinutes(17).AddSeconds(40), new { plan = "pro", price = 20 });
        await LogAsync(signup, _today.AddDays(-1).AddHours(15).AddMinutes(42).AddSeconds(5), new { plan = "free" });
        await LogAsync(signup, _today.AddDays(-40), new { plan = "long-ago" });
        await LogAsync(share, _today.AddDays(-29).AddHours(8), new { viral = true });
        await LogAsync(share, _today.AddDays(-30).AddHours(23).AddMinutes(59), new { viral = false });
        await host.ProcessIngestAsync();

        foreach (var compacted in new[] { false, true })
        {
            if (compacted)
            {
                await host.CompactAsync();
            }

            var snapshot = await NewCatalog(TimeProvider.System).GetAsync(CancellationToken.None);
            var signups = Assert.Single(snapshot.Events, e => e.Name == signup).ToEntry(CatalogHandler.ValuesInListing);
            var shares = Assert.Single(snapshot.Events, e => e.Name == share).ToEntry(CatalogHandler.ValuesInListing);

            Assert.Equal(_today.AddDays(-29), snapshot.Since);
            Assert.Equal(_today.AddDays(1), snapshot.Until);
            Assert.Equal(3, signups.Count);
            Assert.Equal(_today.AddDays(-1).AddHours(15).AddMinutes(42), signups.LastSeen);
            Assert.Equal(["country", "plan", "price"], signups.Props);
            Assert.Equal(["price"], signups.Numeric);
            Assert.Equal(["pro", "free"], signups.Values["plan"]);
            Assert.Equal(["20", "9.5"], signups.Values["price"]);
            Assert.Equal(["NL"], signups.Values["country"]);
            Assert.Equal(1, shares.Count);
            Assert.Equal(_today.AddDays(-29).AddHours(8), shares.LastSeen);
            Assert.Equal(["true"], shares.Values["viral"]);
        }
    }

    [Fact]
    public async Task The_catalog_is_kept_30_seconds()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var catalog = NewCatalog(clock);
        var early = "cat-early-" + _run;
        var late = "cat-late-" + _run;
        await LogAsync(early, _today.AddHours(-1), new { });
        await host.ProcessIngestAsync();
        var first = await catalog.GetAsync(CancellationToken.None);
        await LogAsync(late, _today.AddHours(-1), new { });
        await host.ProcessIngestAsync();

        clock.Advance(TimeSpan.FromSeconds(29));
        var kept = await catalog.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await catalog.GetAsync(CancellationToken.None);

        Assert.Same(first, kept);
        Assert.Contains(first.Events, e => e.Name == early);
        Assert.DoesNotContain(first.Events, e => e.Name == late);
        Assert.Contains(renewed.Events, e => e.Name == late);
    }

    [Fact]
    public async Task The_route_answers_the_window_and_the_events_and_one_event_on_request()
    {
        using var everything = await host.Api.GetAsync("/api/catalog");
        using var one = await host.Api.GetAsync("/api/catalog?event=" + Uri.EscapeDataString("no such event " + _run));

        Assert.Equal(HttpStatusCode.OK, everything.StatusCode);
        using var body = JsonDocument.Parse(await everything.Content.ReadAsStringAsync());
        var since = body.RootElement.GetProperty("since").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(30), body.RootElement.GetProperty("until").GetDateTimeOffset() - since);
        foreach (var entry in body.RootElement.GetProperty("events").EnumerateArray())
        {
            Assert.All(["event", "count", "lastSeen", "props", "numeric", "values"], field => Assert.True(entry.TryGetProperty(field, out _), field));
        }

        using var oneBody = JsonDocument.Parse(await one.Content.ReadAsStringAsync());
        Assert.Equal(0, oneBody.RootElement.GetProperty("events").GetArrayLength());
    }

    private EventCatalog NewCatalog(TimeProvider clock) =>
        new(new CatalogReader(host.Storage.Tables().GetTableClient(StorageNames.AggregatesTable)), clock);

    private Task LogAsync(string name, DateTimeOffset ts, object props) =>
        host.PostOkAsync("/v1/events", JsonSerializer.Serialize(new
        {
            sessionId = "cat-" + _run,
            events = new[] { new { name, ts = ts.ToUnixTimeMilliseconds(), props } },
        }));

    /// <summary>A clock the test moves forward.</summary>
    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
