using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>
/// Trends answered from the pre-aggregates (the path <c>TrendsHandler</c> takes when they are exact), over in-memory
/// minute, hour and day cells and user sets: no Azurite. The end-to-end cases are in <see cref="TrendsQueryTests"/>.
/// </summary>
public sealed class PreaggregateTrendsInMemoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Days_in_Kolkata_begin_at_18_30_UTC_and_are_added_up_from_minutes()
    {
        // Kolkata is +05:30: Nov 2 local is [Nov 1 18:30Z, Nov 2 18:30Z), Nov 3 local is [Nov 2 18:30Z, Nov 3 18:30Z).
        var stores = new InMemoryQueryStores(Now);
        stores.Preaggregates.Count("view", At("2025-11-01T18:29:00Z")); // Nov 1, 23:59 local: before the range
        stores.Preaggregates.Count("view", At("2025-11-01T18:30:00Z")); // Nov 2, 00:00 local
        stores.Preaggregates.Count("view", At("2025-11-02T12:00:00Z")); // Nov 2, 17:30 local
        stores.Preaggregates.Count("view", At("2025-11-02T18:45:00Z")); // Nov 3, 00:15 local
        stores.Preaggregates.Count("view", At("2025-11-03T18:29:00Z")); // Nov 3, 23:59 local
        stores.Preaggregates.Count("view", At("2025-11-03T18:30:00Z")); // Nov 4, 00:00 local: after the range
        stores.Preaggregates.Count("buy", At("2025-11-02T12:00:00Z")); // another event

        var answer = await stores.TrendsAsync("""
            {"series":[{"event":"view"}],"interval":"day","from":"2025-11-02","to":"2025-11-04","tz":"Asia/Kolkata"}
            """);

        Assert.Equal("preaggregate", answer.Meta.Source);
        var line = Assert.Single(answer.Series);
        Assert.Equal([2.0, 2.0], line.Points.Select(p => p.V));
        Assert.Equal(4.0, line.Total);
        Assert.Equal([At("2025-11-02T00:00:00+05:30"), At("2025-11-03T00:00:00+05:30")], line.Points.Select(p => p.T));
        Assert.Equal(TimeSpan.FromMinutes(330), line.Points[0].T.Offset);
    }

    [Fact]
    public async Task A_breakdown_by_an_event_property_reads_the_counts_per_value_with_not_set_last()
    {
        var stores = new InMemoryQueryStores(Now);
        stores.Preaggregates.Count("view", At("2025-11-02T09:00:00Z"), """{"page":"/home"}""");
        stores.Preaggregates.Count("view", At("2025-11-02T10:15:00Z"), """{"page":"/home"}""");
        stores.Preaggregates.Count("view", At("2025-11-02T11:00:00Z"), """{"page":"/docs"}""");
        stores.Preaggregates.Count("view", At("2025-11-02T23:59:00Z"));

        var answer = await stores.TrendsAsync("""
            {"series":[{"event":"view"}],"interval":"total","from":"2025-11-02","to":"2025-11-03","breakdown":{"prop":"page"}}
            """);

        // /home 2; /docs and "not set" tie at 1, and "not set" goes last.
        Assert.Equal("preaggregate", answer.Meta.Source);
        Assert.Equal(["/home", "/docs", null], answer.Series.Select(l => l.BreakdownValue));
        Assert.Equal([2.0, 1.0, 1.0], answer.Series.Select(l => l.Total));
        Assert.Equal("view · (not set)", answer.Series[2].Label);
    }

    [Fact]
    public async Task Unique_users_are_the_union_of_the_user_sets_of_the_days_and_hours_covered()
    {
        // [Nov 2 00:00Z, Nov 3 06:00Z) is the day of Nov 2 and six hours of Nov 3: u1 on both counts once, u3 at 06:30 is after the range.
        var stores = new InMemoryQueryStores(Now);
        stores.Users.Add("u1", "view", At("2025-11-02T08:00:00Z"));
        stores.Users.Add("u1", "view", At("2025-11-03T02:00:00Z"));
        stores.Users.Add("u2", "view", At("2025-11-03T05:59:00Z"));
        stores.Users.Add("u3", "view", At("2025-11-03T06:30:00Z"));
        stores.Users.Add("u4", "buy", At("2025-11-02T08:00:00Z"));

        var answer = await stores.TrendsAsync("""
            {"series":[{"event":"view","measure":"uniques"}],"interval":"total","from":"2025-11-02T00:00:00Z","to":"2025-11-03T06:00:00Z"}
            """);

        Assert.Equal("preaggregate", answer.Meta.Source);
        Assert.Equal(2.0, Assert.Single(answer.Series).Total);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
