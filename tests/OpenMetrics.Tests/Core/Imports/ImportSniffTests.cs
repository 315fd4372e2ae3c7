using OpenMetrics.Core.Imports;

namespace OpenMetrics.Tests.Core.Imports;

public sealed class ImportSniffTests
{
    [Theory]
    [InlineData(ImportFormat.Mixpanel, "{\"event\":\"x\",\"properties\":{\"time\":1}}\n{\"event\":")]
    [InlineData(ImportFormat.Amplitude, "[{\"event_type\":\"x\",\"event_time\":\"2024-01-05 10:00:00\",\"device_id\":\"d\"},{\"ev")]
    [InlineData(ImportFormat.PostHog, "event,distinct_id,timestamp,properties.$current_url\nx,u1,2024")]
    [InlineData(ImportFormat.OpenMetrics, "{\"name\":\"x\",\"ts\":1,\"userId\":\"u\"}\n")]
    [InlineData(ImportFormat.Mixpanel, "event,time,distinct_id\n")]
    [InlineData(ImportFormat.Mixpanel, "{\"event\":\"a first line longer than the head")] // cannot tell yet: the reader will
    public void A_plausible_head_passes(ImportFormat format, string head) =>
        Assert.Null(ImportRecordReader.Sniff(ImportFiles.Utf8(head), format));

    [Theory]
    [InlineData(ImportFormat.Mixpanel, "", "the file is empty")]
    [InlineData(ImportFormat.Mixpanel, "  \n", "the file holds only whitespace")]
    [InlineData(ImportFormat.Amplitude, "{\"event\":\"x\",\"properties\":{}}\n",
        "the first line has no field \"event_type\", which the amplitude format needs (is it another tool's export?)")]
    [InlineData(ImportFormat.Amplitude, "{\"event_type\":\"x\",\"event_time\":\"2024-01-05\"}\n",
        "the first line has no field \"user_id\" or \"device_id\", which the amplitude format needs (is it another tool's export?)")]
    [InlineData(ImportFormat.Mixpanel, "{\"event\": oops}\n", "the first line is not valid JSON")]
    [InlineData(ImportFormat.PostHog, "[{\"event\":\"x\",\"distinct_id\":\"u\"}]",
        "the first item of the array has no field \"timestamp\", which the posthog format needs (is it another tool's export?)")]
    [InlineData(ImportFormat.PostHog, "[]", "the file is an empty JSON array")]
    [InlineData(ImportFormat.PostHog, "[1,", "the first item of the array is not a JSON object")]
    [InlineData(ImportFormat.Mixpanel, "event_type,user_id,event_time\n", "the CSV header has no column \"event\", which the mixpanel format needs")]
    [InlineData(ImportFormat.OpenMetrics, "hello world\nmore text\n", "the file is neither JSON (it does not start with { or [) nor CSV (its first line has no comma): \"hello world\"")]
    [InlineData(ImportFormat.OpenMetrics, "PK\u0003\u0004rest", "the file is a zip archive: unzip it and import the files inside")]
    public void A_plainly_wrong_head_is_named(ImportFormat format, string head, string reason) =>
        Assert.StartsWith(reason, ImportRecordReader.Sniff(ImportFiles.Utf8(head), format));

    [Fact]
    public void Gzip_sent_without_its_encoding_and_binary_data_are_named()
    {
        var gzip = ImportFiles.Gzip(ImportFiles.Utf8("{\"event\":\"x\"}\n"));

        Assert.Equal("the file is gzip but was not sent with Content-Encoding: gzip", ImportRecordReader.Sniff(gzip, ImportFormat.Mixpanel));
        Assert.Equal("the file is binary, not UTF-8 text (NDJSON, a JSON array or CSV)", ImportRecordReader.Sniff(new byte[] { 0x7b, 0xff, 0xfe, 0x00 }, ImportFormat.Mixpanel));
    }

    [Fact]
    public void A_character_cut_by_the_end_of_the_head_is_still_text()
    {
        var head = ImportFiles.Utf8("{\"event\":\"caf\u00e9\",\"properties\":{}}\n{\"event\":\"\u00e9")[..^1]; // é is two bytes: keep only the first

        Assert.Null(ImportRecordReader.Sniff(head, ImportFormat.Mixpanel));
    }

    [Theory]
    [InlineData("openmetrics", ImportFormat.OpenMetrics)]
    [InlineData("MixPanel", ImportFormat.Mixpanel)]
    [InlineData(" amplitude ", ImportFormat.Amplitude)]
    [InlineData("posthog", ImportFormat.PostHog)]
    public void Format_names_read_case_insensitive(string text, ImportFormat format)
    {
        Assert.True(ImportFormats.TryParse(text, out var parsed));
        Assert.Equal(format, parsed);
        Assert.Equal(text.Trim().ToLowerInvariant(), ImportFormats.Name(parsed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("segment")]
    public void Unknown_format_names_do_not_read(string? text) => Assert.False(ImportFormats.TryParse(text, out _));
}
