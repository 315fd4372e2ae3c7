using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Retention;

/// <summary>
/// Retention through <c>RetentionAnalysis</c> (what <c>RetentionHandler</c> calls) over in-memory events, identity and
/// monthly user sets: no Azurite. The end-to-end cases are in <see cref="RetentionQueryTests"/>.
/// </summary>
public sealed class RetentionAnalysisInMemoryTests
{
    private static readonly DateTimeOffset April1 = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task First_time_cohorts_follow_a_merged_session_and_leave_out_who_started_in_an_earlier_month()
    {
        // amy opens on 04-01 and comes back on 04-02 in an anonymous session that is hers now; cy opens on 04-02 only;
        // bo opens on 04-01 and 04-02 but first opened in March (the March user set says so): he is in no cohort.
        var stores = new InMemoryQueryStores(April1.AddMonths(1));
        stores.Events.Add("amy-1", "open", April1.AddHours(8), writtenAs: "amy");
        stores.Events.Add("anon-2", "open", April1.AddDays(1).AddHours(8), writtenAs: "$anon:anon-2");
        stores.Events.Add("cy-1", "open", April1.AddDays(1).AddHours(9), writtenAs: "cy");
        stores.Events.Add("bo-1", "open", April1.AddHours(10), writtenAs: "bo");
        stores.Events.Add("bo-1", "open", April1.AddDays(1).AddHours(10), writtenAs: "bo");
        stores.Identity.SessionOwners["amy-1"] = "amy";
        stores.Identity.SessionOwners["anon-2"] = "amy";
        stores.Identity.SessionOwners["cy-1"] = "cy";
        stores.Identity.SessionOwners["bo-1"] = "bo";
        stores.Users.Add("bo", "open", new DateTimeOffset(2025, 3, 15, 12, 0, 0, TimeSpan.Zero));

        var answer = await stores.Retention().ComputeAsync(InMemoryQueryStores.Json("""
            {"startEvent":"open","returnEvent":"open","period":"day","periods":3,"from":"2025-04-01","to":"2025-04-04","type":"first"}
            """), CancellationToken.None);

        var cohorts = answer["cohorts"]!.AsArray();
        Assert.Equal(
            [[1, 1, 0], [1, 0, 0], [0, 0, 0]],
            cohorts.Select(c => c!["values"]!.AsArray().Select(v => (int)v!).ToArray()));
        Assert.Equal(["2025-04-01", "2025-04-02", "2025-04-03"], cohorts.Select(c => ((DateTimeOffset)c!["start"]!).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Recurring_cohorts_take_every_day_with_a_start_event()
    {
        // amy opens 04-01, 04-02, 04-03; bo opens 04-01 and 04-03. 04-01: both, back on day 1 amy, on day 2 both.
        // 04-02: amy, back on day 1. 04-03: amy and bo, nothing after (the range of returns ends at 04-05).
        var stores = new InMemoryQueryStores(April1.AddMonths(1));
        foreach (var day in new[] { 0, 1, 2 })
        {
            stores.Events.Add("amy-1", "open", April1.AddDays(day).AddHours(8), writtenAs: "amy");
        }

        stores.Events.Add("bo-1", "open", April1.AddHours(10), writtenAs: "bo");
        stores.Events.Add("bo-1", "open", April1.AddDays(2).AddHours(10), writtenAs: "bo");

        var answer = await stores.Retention().ComputeAsync(InMemoryQueryStores.Json("""
            {"startEvent":"open","returnEvent":"open","period":"day","periods":3,"from":"2025-04-01","to":"2025-04-04","type":"recurring"}
            """), CancellationToken.None);

        Assert.Equal(
            [[2, 1, 2], [1, 1, 0], [2, 0, 0]],
            answer["cohorts"]!.AsArray().Select(c => c!["values"]!.AsArray().Select(v => (int)v!).ToArray()));
    }
}
