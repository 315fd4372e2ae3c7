using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Funnels;

/// <summary>
/// The hand-made dataset of the funnel API tests, logged once per local host through the v1 routes, in June 2025
/// (no other test's events fall there). Times are UTC.
///
/// | user (sessions)          | events                                                                           |
/// |--------------------------|----------------------------------------------------------------------------------|
/// | f-ann (f-s1)             | fsignup 06-02 10:00 {plan free}, factivate 06-02 11:00, fbuy 06-03 09:00          |
/// | f-ben (f-s2)             | fsignup 06-02 12:00 {plan pro}, factivate 06-04 12:00 (exactly 2 days), fbuy 06-10 12:00 (8 days) |
/// | f-cat (f-s3, then f-s5)  | fsignup 06-03 08:00 {plan free} while f-s3 is anonymous; f-s3 then becomes f-cat; f-s5 (f-cat from the start) factivate 06-03 09:00 |
/// | f-dan (f-s4)             | fsignup 06-05 10:00 {plan free}, fcancel 06-05 10:30, factivate 06-05 11:00, fbuy 06-05 12:00 |
/// | $anon:f-s6 (f-s6)        | fsignup 06-06 10:00                                                              |
/// f-ann has the user property country NL.
/// </summary>
public static class FunnelData
{
    public const string Signup = "fsignup";
    public const string Activate = "factivate";
    public const string Buy = "fbuy";
    public const string Cancel = "fcancel";

    private static readonly SeededOnce Seeded = new(SeedAsync);

    public static Task EnsureAsync(QueryHostFixture host) => Seeded.EnsureAsync(host);

    private static async Task SeedAsync(QueryHostFixture host)
    {
        await host.PostOkAsync("/v1/events", V1Payloads.Events("f-s1", (Signup, "2025-06-02T10:00:00Z", """{"plan":"free"}"""), (Activate, "2025-06-02T11:00:00Z", "{}"), (Buy, "2025-06-03T09:00:00Z", "{}")));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"f-s1","userId":"f-ann"}""");
        await host.PostOkAsync("/v1/setUserProps", """{"sessionId":"f-s1","props":{"country":"NL"}}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("f-s2", (Signup, "2025-06-02T12:00:00Z", """{"plan":"pro"}"""), (Activate, "2025-06-04T12:00:00Z", "{}"), (Buy, "2025-06-10T12:00:00Z", "{}")));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"f-s2","userId":"f-ben"}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("f-s3", (Signup, "2025-06-03T08:00:00Z", """{"plan":"free"}""")));
        await host.PostOkAsync("/v1/events", V1Payloads.Events("f-s4", (Signup, "2025-06-05T10:00:00Z", """{"plan":"free"}"""), (Cancel, "2025-06-05T10:30:00Z", "{}"), (Activate, "2025-06-05T11:00:00Z", "{}"), (Buy, "2025-06-05T12:00:00Z", "{}")));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"f-s4","userId":"f-dan"}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("f-s6", (Signup, "2025-06-06T10:00:00Z", "{}")));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"f-s5","userId":"f-cat"}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("f-s5", (Activate, "2025-06-03T09:00:00Z", "{}")));
        await host.ProcessIngestAsync();

        // Step 1 was logged anonymously; only now does its session become f-cat, who did step 2 in another session.
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"f-s3","userId":"f-cat"}""");
        await host.ProcessIngestAsync();
    }

    /// <summary>A funnel of signup, activate and buy over the first week of June 2025, with the given extra fields.</summary>
    public static string Query(string extra = "") =>
        $$"""{"steps":[{"event":"{{Signup}}"},{"event":"{{Activate}}"},{"event":"{{Buy}}"}],"from":"2025-06-01","to":"2025-06-08","window":"P7D"{{extra}}}""";

    public static Task<JsonElement> PostAsync(LocalHostFixture host, string route, string json) => host.PostQueryAsync(route, json);

    public static int[] Users(JsonElement steps) => [.. steps.EnumerateArray().Select(step => step.GetProperty("users").GetInt32())];
}
