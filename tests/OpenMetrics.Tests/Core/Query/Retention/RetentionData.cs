using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Retention;

/// <summary>
/// The hand-made dataset of the retention API tests, logged once per local host through the v1 routes, in March and
/// April 2025 (no other test's events fall there). Every event is <c>ropen</c>; times are UTC (Kolkata is +05:30).
///
/// | user (sessions)          | ropen at                                                                     |
/// |--------------------------|------------------------------------------------------------------------------|
/// | r-amy (r-s1, then r-s4)  | 04-01 10:00, 04-02 10:00, 04-04 10:00; r-s4, anonymous, 04-03 23:00 (04-04 04:30 in Kolkata), merged into r-amy afterwards |
/// | r-bo (r-s2)              | 03-20 10:00 (a month before the range), 04-01 12:00, 04-02 12:00              |
/// | r-cy (r-s3)              | 04-02 09:00, 04-03 09:00; user property plan pro                             |
/// </summary>
public static class RetentionData
{
    public const string Open = "ropen";

    private static readonly SeededOnce Seeded = new(SeedAsync);

    public static Task EnsureAsync(QueryHostFixture host) => Seeded.EnsureAsync(host);

    private static async Task SeedAsync(QueryHostFixture host)
    {
        await host.PostOkAsync("/v1/events", Opens("r-s1", "2025-04-01T10:00:00Z", "2025-04-02T10:00:00Z", "2025-04-04T10:00:00Z"));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"r-s1","userId":"r-amy"}""");
        await host.PostOkAsync("/v1/events", Opens("r-s2", "2025-03-20T10:00:00Z", "2025-04-01T12:00:00Z", "2025-04-02T12:00:00Z"));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"r-s2","userId":"r-bo"}""");
        await host.PostOkAsync("/v1/events", Opens("r-s3", "2025-04-02T09:00:00Z", "2025-04-03T09:00:00Z"));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"r-s3","userId":"r-cy"}""");
        await host.PostOkAsync("/v1/setUserProps", """{"sessionId":"r-s3","props":{"plan":"pro"}}""");
        await host.PostOkAsync("/v1/events", Opens("r-s4", "2025-04-03T23:00:00Z"));
        await host.ProcessIngestAsync();

        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"r-s4","userId":"r-amy"}""");
        await host.ProcessIngestAsync();
    }

    /// <summary>Daily retention of <c>ropen</c>, 4 periods, cohorts 04-01 to 04-03, with the given extra fields.</summary>
    public static string Query(string extra = "") =>
        $$"""{"startEvent":"{{Open}}","returnEvent":"{{Open}}","period":"day","periods":4,"from":"2025-04-01","to":"2025-04-04"{{extra}}}""";

    public static int[][] Values(JsonElement answer) =>
        [.. answer.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()).ToArray())];

    private static string Opens(string session, params string[] times) =>
        JsonSerializer.Serialize(new { sessionId = session, events = times.Select(ts => new { name = Open, ts }) });
}
