using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>
/// The hand-made dataset the trends tests answer from, logged once per local host through the v1 routes. It sits in
/// early November 2025, around New York's fall-back day (Sunday 2025-11-02 06:00 UTC), far from "today", so no other
/// test's events fall in its ranges. Four sessions: s1 and s4 become alice (s4 merges into her after its events), s2 is
/// bob, s3 stays anonymous.
///
/// | # | session | event | UTC time          | props                    | New York      | Kolkata       |
/// |---|---------|-------|-------------------|--------------------------|---------------|---------------|
/// | 1 | s1      | view  | 11-02 02:00       | page /home               | 11-01 22:00   | 11-02 07:30   |
/// | 2 | s1      | view  | 11-02 04:30       | page /home               | 11-02 00:30 EDT | 11-02 10:00 |
/// | 3 | s2      | view  | 11-02 05:10       | page /pricing            | 11-02 01:10 EDT | 11-02 10:40 |
/// | 4 | s2      | buy   | 11-02 06:10       | price 10, item a         | 11-02 01:10 EST | 11-02 11:40 |
/// | 5 | s3      | view  | 11-02 12:00       | page /home               | 11-02 07:00   | 11-02 17:30   |
/// | 6 | s4      | view  | 11-02 18:45       | page /docs               | 11-02 13:45   | 11-03 00:15   |
/// | 7 | s4      | buy   | 11-02 18:50       | price 30, item b         | 11-02 13:50   | 11-03 00:20   |
/// | 8 | s1      | buy   | 11-03 03:00       | price 20, item a         | 11-02 22:00   | 11-03 08:30   |
/// | 9 | s3      | view  | 11-03 20:00       | page /pricing            | 11-03 15:00   | 11-04 01:30   |
/// |10 | s2      | view  | 11-04 04:30       | (none)                   | 11-03 23:30   | 11-04 10:00   |
/// |11 | s2      | ping  | 11-03 10:00       | active: false            |               |               |
/// Users: alice {country NL, plan pro}, bob {country US}; session s3 {utm ads}.
/// </summary>
public static class TrendsData
{
    public const string View = "tview";
    public const string Buy = "tbuy";
    public const string Ping = "tping";

    private static readonly SeededOnce Seeded = new(SeedAsync);

    public static Task EnsureAsync(QueryHostFixture host) => Seeded.EnsureAsync(host);

    private static async Task SeedAsync(QueryHostFixture host)
    {
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s1", (View, "2025-11-02T02:00:00Z", """{"page":"/home"}"""), (View, "2025-11-02T04:30:00Z", """{"page":"/home"}""")));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"t-s1","userId":"t-alice"}""");
        await host.PostOkAsync("/v1/setUserProps", """{"sessionId":"t-s1","props":{"country":"NL","plan":"pro"}}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s2", (View, "2025-11-02T05:10:00Z", """{"page":"/pricing"}"""), (Buy, "2025-11-02T06:10:00Z", """{"price":10,"item":"a"}""")));
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"t-s2","userId":"t-bob"}""");
        await host.PostOkAsync("/v1/setUserProps", """{"sessionId":"t-s2","props":{"country":"US"}}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s3", (View, "2025-11-02T12:00:00Z", """{"page":"/home"}""")));
        await host.PostOkAsync("/v1/setSessionProps", """{"sessionId":"t-s3","props":{"utm":"ads"}}""");
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s4", (View, "2025-11-02T18:45:00Z", """{"page":"/docs"}"""), (Buy, "2025-11-02T18:50:00Z", """{"price":30,"item":"b"}""")));
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s1", (Buy, "2025-11-03T03:00:00Z", """{"price":20,"item":"a"}""")));
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s3", (View, "2025-11-03T20:00:00Z", """{"page":"/pricing"}""")));
        await host.PostOkAsync("/v1/events", V1Payloads.Events("t-s2", (View, "2025-11-04T04:30:00Z", "{}")));
        await host.PostOkAsync("/v1/events", """{"sessionId":"t-s2","events":[{"name":"tping","ts":"2025-11-03T10:00:00Z","options":{"active":false}}]}""");
        await host.ProcessIngestAsync();

        // The merge comes after s4's events were stored under its anonymous user.
        await host.PostOkAsync("/v1/setUserId", """{"sessionId":"t-s4","userId":"t-alice"}""");
        await host.ProcessIngestAsync();
    }

    /// <summary>POSTs a trends query and returns the answer (throws with the body when it is not 200).</summary>
    public static Task<JsonElement> TrendsAsync(LocalHostFixture host, string json) => host.PostQueryAsync("/api/query/trends", json);

    /// <summary>The values of each line's points, in order.</summary>
    public static double?[] Values(JsonElement line) =>
        [.. line.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("v").GetDouble())];

    public static string[] Times(JsonElement line) =>
        [.. line.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("t").GetString()!)];
}
