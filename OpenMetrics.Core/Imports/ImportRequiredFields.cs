namespace OpenMetrics.Core.Imports;

/// <summary>
/// The top-level fields without which no record of a format can become an event; each entry lists alternatives
/// (Amplitude needs <c>user_id</c> or <c>device_id</c>). The sniffer checks the first record against them.
/// </summary>
internal static class ImportRequiredFields
{
    public static IReadOnlyList<string[]> Of(ImportFormat format) => format switch
    {
        ImportFormat.OpenMetrics => [["name"], ["ts"], ["sessionId", "userId"]],

        // Mixpanel's JSON export nests time and distinct_id in properties; its CSV export may flatten them to the top.
        ImportFormat.Mixpanel => [["event"], ["properties", "time"]],
        ImportFormat.Amplitude => [["event_type"], ["event_time", "time"], ["user_id", "device_id"]],
        ImportFormat.PostHog => [["event"], ["distinct_id"], ["timestamp"]],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an import format"),
    };

    /// <summary>"a" or "a or b", quoted, for a message.</summary>
    public static string Describe(string[] alternatives) => string.Join(" or ", alternatives.Select(a => $"\"{a}\""));
}
