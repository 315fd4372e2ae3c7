using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Core.Query.Catalog;

namespace OpenMetrics.Tests.Core.Query.Catalog;

/// <summary>
/// The catalog is kept 30 s in memory (docs/query.md, "Catalog"), except while it is empty: a new project's first event
/// shows on the next dashboard load, not half a minute later. In memory, on a clock the test moves.
/// </summary>
public sealed class EventCatalogCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_empty_catalog_is_read_again_on_the_next_call()
    {
        var source = new CountingSource();
        var catalog = new EventCatalog(source, new FakeTimeProvider(Start));

        Assert.Empty((await catalog.GetAsync(default)).Events);
        source.Events.Add(new EventFacts("first-event"));

        Assert.Equal(["first-event"], (await catalog.GetAsync(default)).Events.Select(e => e.Name));
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task A_catalog_with_events_is_kept_for_30_seconds()
    {
        var source = new CountingSource();
        source.Events.Add(new EventFacts("kept"));
        var clock = new FakeTimeProvider(Start);
        var catalog = new EventCatalog(source, clock);

        await catalog.GetAsync(default);
        clock.Advance(TimeSpan.FromSeconds(29));
        await catalog.GetAsync(default);
        Assert.Equal(1, source.Reads);

        clock.Advance(TimeSpan.FromSeconds(1));
        await catalog.GetAsync(default);
        Assert.Equal(2, source.Reads);
    }

    /// <summary>A source that answers its current events and counts how often it was read.</summary>
    private sealed class CountingSource : ICatalogSource
    {
        public List<EventFacts> Events { get; } = [];

        public int Reads { get; private set; }

        public Task<CatalogSnapshot> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(new CatalogSnapshot(now.AddDays(-ICatalogSource.WindowDays), now, now, [.. Events]));
        }
    }
}
