using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>
/// Trends answered from the raw events (a user-property filter, or <c>"source":"raw"</c>) over in-memory events and
/// identity: each session's user as it is now. The end-to-end cases are in <see cref="TrendsQueryTests"/>.
/// </summary>
public sealed class RawTrendsInMemoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nov2 = new(2025, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Unique_users_count_an_anonymous_session_merged_into_a_user_as_that_user()
    {
        // s1 was anonymous when written and is u1's now; s2 is u1's; s3 stays anonymous: two users.
        var stores = new InMemoryQueryStores(Now);
        stores.Events.Add("s1", "view", Nov2.AddHours(9), writtenAs: "$anon:s1");
        stores.Events.Add("s2", "view", Nov2.AddHours(10), writtenAs: "u1");
        stores.Events.Add("s3", "view", Nov2.AddHours(11), writtenAs: "$anon:s3");
        stores.Events.Add("s3", "view", Nov2.AddDays(1), writtenAs: "$anon:s3"); // the next day: outside the range
        stores.Identity.SessionOwners["s1"] = "u1";
        stores.Identity.SessionOwners["s2"] = "u1";

        var answer = await stores.TrendsAsync("""
            {"series":[{"event":"view","measure":"uniques"}],"interval":"total","from":"2025-11-02","to":"2025-11-03","source":"raw"}
            """);

        Assert.Equal("raw", answer.Meta.Source);
        Assert.Equal(2.0, Assert.Single(answer.Series).Total);
    }

    [Fact]
    public async Task A_filter_on_a_user_property_reads_it_for_the_user_each_session_has_now()
    {
        // u1 is in NL now; s1's event was written anonymously but s1 is u1's now, so it counts; u2 is in US.
        var stores = new InMemoryQueryStores(Now);
        stores.Events.Add("s1", "view", Nov2.AddHours(9), writtenAs: "$anon:s1");
        stores.Events.Add("s2", "view", Nov2.AddHours(10), writtenAs: "u1");
        stores.Events.Add("s2", "view", Nov2.AddHours(11), writtenAs: "u1");
        stores.Events.Add("s4", "view", Nov2.AddHours(12), writtenAs: "u2");
        stores.Identity.SessionOwners["s1"] = "u1";
        stores.Identity.SessionOwners["s2"] = "u1";
        stores.Identity.SessionOwners["s4"] = "u2";
        stores.Identity.UserProperties["u1"] = InMemoryQueryStores.Json("""{"country":"NL"}""");
        stores.Identity.UserProperties["u2"] = InMemoryQueryStores.Json("""{"country":"US"}""");

        var answer = await stores.TrendsAsync("""
            {"series":[{"event":"view","filters":[{"prop":"country","on":"user","op":"eq","value":"NL"}]}],"interval":"day","from":"2025-11-01","to":"2025-11-03"}
            """);

        Assert.Equal("raw", answer.Meta.Source);
        var line = Assert.Single(answer.Series);
        Assert.Equal([0.0, 3.0], line.Points.Select(p => p.V));
        Assert.Equal(3.0, line.Total);
    }
}
