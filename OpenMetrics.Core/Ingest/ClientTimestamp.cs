using System.Globalization;
using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>
/// Reads a client's time (<c>ts</c>, <c>sentAt</c>): a unix time in seconds below 100,000,000,000 and in
/// milliseconds above (the original clients send <c>Date.now()</c>), or an ISO-8601 string.
/// </summary>
internal static class ClientTimestamp
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const double SecondsBelow = 100_000_000_000;
    private static readonly double MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly double MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The time, or the one-line reason it cannot be read. A null or absent value is not read here.</summary>
    public static (DateTimeOffset Value, string? Error) Read(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Number => FromNumber(value.GetDouble(), field),
        JsonValueKind.String => FromString(value.GetString()!, field),
        _ => (default, $"{field} must be a unix time or an ISO-8601 string, not {PayloadJson.Describe(value.ValueKind)}"),
    };

    /// <summary>Moves a time by an offset, refusing to leave the representable range instead of throwing.</summary>
    public static (DateTimeOffset Value, string? Error) Shift(DateTimeOffset time, TimeSpan offset, string field)
    {
        var ticks = (decimal)time.UtcTicks + offset.Ticks;
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return (default, $"{field} corrected by sentAt is outside the representable date range");
        }

        return CheckEarliest(new DateTimeOffset((long)ticks, TimeSpan.Zero), field);
    }

    private static (DateTimeOffset, string?) FromNumber(double number, string field)
    {
        if (!double.IsFinite(number))
        {
            return (default, $"{field} is not a finite number");
        }

        var unixMs = number < SecondsBelow ? number * 1000 : number;
        if (unixMs < MinUnixMs || unixMs > MaxUnixMs)
        {
            return (default, $"{field} is outside the representable date range");
        }

        var ticks = (long)Math.Round(unixMs * TimeSpan.TicksPerMillisecond);
        return CheckEarliest(DateTimeOffset.UnixEpoch.AddTicks(ticks), field);
    }

    private static (DateTimeOffset, string?) FromString(string text, string field)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromNumber(number, field);
        }

        // A date must lead with its year (yyyy-...), so that "10:00" or "May 5" are not read as some day this year.
        var looksIso = text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-';
        if (looksIso && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return CheckEarliest(parsed, field);
        }

        return (default, $"{field} is not a unix time or an ISO-8601 date: \"{Truncate(text)}\"");
    }

    private static (DateTimeOffset, string?) CheckEarliest(DateTimeOffset time, string field) =>
        time < Earliest ? (default, $"{field} is before 2000-01-01") : (time, null);

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
