namespace OpenMetrics.Tests.Core.Query.Trends;

/// <summary>A trends query over <see cref="TrendsData"/> with its answer worked out by hand (the reasoning in each comment).</summary>
/// <param name="Preaggregated">Whether the pre-aggregates can answer it (meta.source of the default path).</param>
public sealed record TrendCase(string Name, string Query, string[] Times, double?[] Values, double? Total, bool Preaggregated)
{
    public override string ToString() => Name;

    private const string V = TrendsData.View;
    private const string B = TrendsData.Buy;

    public static readonly TrendCase[] All =
    [
        // UTC days Nov 1, 2, 3: no view on the 1st; #1 #2 #3 #5 #6 on the 2nd; #9 on the 3rd (#10 is on the 4th).
        new("count by UTC day",
            $$"""{"series":[{"event":"{{V}}"}],"measure":"count","interval":"day","from":"2025-11-01","to":"2025-11-04","tz":"UTC"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 5, 1], 6, true),

        // New York days: Nov 1 (EDT) holds #1 (22:00); Nov 2 is 25 hours (04:00Z to 05:00Z next day): #2 #3 #5 #6;
        // Nov 3 (EST, 05:00Z to 05:00Z): #9 and #10 (23:30 local).
        new("count by New York day across the DST change",
            $$"""{"series":[{"event":"{{V}}"}],"measure":"count","interval":"day","from":"2025-11-01","to":"2025-11-04","tz":"America/New_York"}""",
            ["2025-11-01T00:00:00-04:00", "2025-11-02T00:00:00-04:00", "2025-11-03T00:00:00-05:00"], [1, 4, 2], 7, true),

        // Kolkata (UTC+5:30) days start at 18:30Z: Nov 2 holds #1 #2 #3 #5, Nov 3 holds #6 (00:15 local); #9 is Nov 4 local.
        new("count by Kolkata day (half-hour zone)",
            $$"""{"series":[{"event":"{{V}}"}],"measure":"count","interval":"day","from":"2025-11-02","to":"2025-11-04","tz":"Asia/Kolkata"}""",
            ["2025-11-02T00:00:00+05:30", "2025-11-03T00:00:00+05:30"], [4, 1], 5, true),

        // New York hours from 00:00 to 04:00 EST on Nov 2: 00 EDT, 01 EDT, 01 EST (the repeated hour), 02 EST, 03 EST.
        // Any event: #2 at 00:30 EDT, #3 at 01:10 EDT, #4 at 01:10 EST.
        new("any event by New York hour over the repeated hour",
            """{"series":[{"event":"*"}],"measure":"count","interval":"hour","from":"2025-11-02T00:00","to":"2025-11-02T04:00","tz":"America/New_York"}""",
            ["2025-11-02T00:00:00-04:00", "2025-11-02T01:00:00-04:00", "2025-11-02T01:00:00-05:00", "2025-11-02T02:00:00-05:00", "2025-11-02T03:00:00-05:00"],
            [1, 1, 1, 0, 0], 3, true),

        // Minutes 04:29, 04:30, 04:31 UTC: #2 at 04:30:00.
        new("count by minute",
            $$"""{"series":[{"event":"{{V}}"}],"interval":"minute","from":"2025-11-02T04:29:00Z","to":"2025-11-02T04:32:00Z"}""",
            ["2025-11-02T04:29:00+00:00", "2025-11-02T04:30:00+00:00", "2025-11-02T04:31:00+00:00"], [0, 1, 0], 1, true),

        // Weeks from Monday Oct 27 and Nov 3 (UTC): #1 #2 #3 #5 #6, then #9 #10.
        new("count by week",
            $$"""{"series":[{"event":"{{V}}"}],"interval":"week","from":"2025-10-27","to":"2025-11-10"}""",
            ["2025-10-27T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [5, 2], 7, true),

        // October has none, November all seven views.
        new("count by month",
            $$"""{"series":[{"event":"{{V}}"}],"interval":"month","from":"2025-10-01","to":"2025-12-01"}""",
            ["2025-10-01T00:00:00+00:00", "2025-11-01T00:00:00+00:00"], [0, 7], 7, true),

        // One bucket labelled with the range's start.
        new("count in total",
            $$"""{"series":[{"event":"{{V}}"}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [7], 7, true),

        // Nov 2: t-alice (#1 #2, and #6 through s4's merge), t-bob (#3), s3's anonymous user (#5); Nov 3: s3 (#9).
        // Over the range: the same three users.
        new("uniques by UTC day, merges included",
            $$"""{"series":[{"event":"{{V}}"}],"measure":"uniques","interval":"day","from":"2025-11-01","to":"2025-11-04"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 3, 1], 3, true),

        // New York: Nov 1 t-alice (#1); Nov 2 t-alice, t-bob, s3; Nov 3 s3 (#9), t-bob (#10).
        new("uniques by New York day",
            $$"""{"series":[{"event":"{{V}}"}],"measure":"uniques","interval":"day","from":"2025-11-01","to":"2025-11-04","tz":"America/New_York"}""",
            ["2025-11-01T00:00:00-04:00", "2025-11-02T00:00:00-04:00", "2025-11-03T00:00:00-05:00"], [1, 3, 2], 3, true),

        // Kolkata needs half hours, which user sets do not have: answered from raw events. Nov 2: t-alice, t-bob, s3; Nov 3: t-alice (#6).
        new("uniques by Kolkata day",
            $$"""{"series":[{"event":"{{V}}"}],"measure":"uniques","interval":"day","from":"2025-11-02","to":"2025-11-04","tz":"Asia/Kolkata"}""",
            ["2025-11-02T00:00:00+05:30", "2025-11-03T00:00:00+05:30"], [3, 1], 3, false),

        // Active users: Nov 2 t-alice, t-bob, s3; Nov 3 t-alice (#8 buy), s3 (#9); t-bob's ping on Nov 3 is not activity.
        new("active users of any event",
            """{"series":[{"event":"*"}],"measure":"active","interval":"day","from":"2025-11-01","to":"2025-11-04"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 3, 2], 3, true),

        // Prices: Nov 2 #4 10 + #7 30; Nov 3 #8 20.
        new("sum", $$"""{"series":[{"event":"{{B}}"}],"measure":"sum","prop":"price","interval":"day","from":"2025-11-01","to":"2025-11-04"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 40, 20], 60, true),
        new("avg", $$"""{"series":[{"event":"{{B}}"}],"measure":"avg","prop":"price","interval":"day","from":"2025-11-01","to":"2025-11-04"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 20, 20], 20, true),
        new("min", $$"""{"series":[{"event":"{{B}}"}],"measure":"min","prop":"price","interval":"day","from":"2025-11-01","to":"2025-11-04"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 10, 20], 10, true),
        new("max", $$"""{"series":[{"event":"{{B}}"}],"measure":"max","prop":"price","interval":"day","from":"2025-11-01","to":"2025-11-04"}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 30, 20], 30, true),

        // Filters, over Nov 1 to 5 (all seven views).
        new("filter eq on an event property", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"page","op":"eq","value":"/home"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [3], 3, true),
        new("filter in", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"page","op":"in","value":["/docs","/pricing"]}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [3], 3, true),
        // neq matches the view without a page (#10) too, as PostHog does.
        new("filter neq", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"page","op":"neq","value":"/home"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [4], 4, false),
        new("filter contains, any case", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"page","op":"contains","value":"PRIC"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [2], 2, false),
        new("filter gt", $$"""{"series":[{"event":"{{B}}","filters":[{"prop":"price","op":"gt","value":15}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [2], 2, false),
        new("filter lt", $$"""{"series":[{"event":"{{B}}","filters":[{"prop":"price","op":"lt","value":15}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [1], 1, false),
        new("filter set", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"page","op":"set"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [6], 6, false),
        new("filter notset", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"page","op":"notset"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [1], 1, false),
        // t-bob's views: #3 and #10.
        new("filter on a user property", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"country","op":"eq","value":"US","on":"user"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [2], 2, false),
        // Session s3's views: #5 and #9.
        new("filter on a session property", $$"""{"series":[{"event":"{{V}}","filters":[{"prop":"utm","op":"eq","value":"ads","on":"session"}]}],"interval":"total","from":"2025-11-01","to":"2025-11-05"}""",
            ["2025-11-01T00:00:00+00:00"], [2], 2, false),
        // t-alice's views (#1 #2 #6): her segment by property, inline.
        new("inline segment on a user property", $$$"""{"series":[{"event":"{{{V}}}"}],"interval":"day","from":"2025-11-01","to":"2025-11-04","segment":{"filters":[{"prop":"country","op":"eq","value":"NL"}]}}""",
            ["2025-11-01T00:00:00+00:00", "2025-11-02T00:00:00+00:00", "2025-11-03T00:00:00+00:00"], [0, 3, 0], 3, false),
    ];
}
