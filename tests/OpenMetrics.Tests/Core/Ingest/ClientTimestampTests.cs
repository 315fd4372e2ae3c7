using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Tests.Core.Ingest;

public sealed class ClientTimestampTests
{
    [Theory]
    [InlineData("1764000000", "2025-11-24T16:00:00Z")]
    [InlineData("1764000000000", "2025-11-24T16:00:00Z")]
    [InlineData("1764000000.5", "2025-11-24T16:00:00.5Z")]
    [InlineData("1764000000123", "2025-11-24T16:00:00.123Z")]
    [InlineData("99999999999", "5138-11-16T09:46:39Z")]
    [InlineData("\"2025-11-24T17:00:00+01:00\"", "2025-11-24T16:00:00Z")]
    [InlineData("\"2025-11-24T16:00:00Z\"", "2025-11-24T16:00:00Z")]
    [InlineData("\"2025-11-24\"", "2025-11-24T00:00:00Z")]
    [InlineData("\"1764000000000\"", "2025-11-24T16:00:00Z")]
    [InlineData("946684800", "2000-01-01T00:00:00Z")]
    public void Reads_seconds_milliseconds_and_iso_strings(string json, string expected)
    {
        var (value, error) = ClientTimestamp.Read(Parse(json), "ts");

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("946684799", "ts is before 2000-01-01")]
    [InlineData("100000000000", "ts is before 2000-01-01")] // milliseconds from here on: 1973
    [InlineData("-5", "ts is before 2000-01-01")]
    [InlineData("1e300", "ts is outside the representable date range")]
    [InlineData("1e400", "ts is not a finite number")]
    [InlineData("\"yesterday\"", "ts is not a unix time or an ISO-8601 date: \"yesterday\"")]
    [InlineData("\"10:00\"", "ts is not a unix time or an ISO-8601 date: \"10:00\"")]
    [InlineData("\"2025-13-45T00:00:00Z\"", "ts is not a unix time or an ISO-8601 date: \"2025-13-45T00:00:00Z\"")]
    [InlineData("true", "ts must be a unix time or an ISO-8601 string, not a boolean")]
    [InlineData("{}", "ts must be a unix time or an ISO-8601 string, not an object")]
    public void Refuses_what_is_not_a_usable_time(string json, string reason)
    {
        var (_, error) = ClientTimestamp.Read(Parse(json), "ts");

        Assert.Equal(reason, error);
    }

    [Fact]
    public void Shifting_out_of_range_is_a_reason_not_an_exception()
    {
        var (_, error) = ClientTimestamp.Shift(DateTimeOffset.MaxValue.AddDays(-1), TimeSpan.FromDays(10), "ts");

        Assert.Equal("ts corrected by sentAt is outside the representable date range", error);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
