using System.Text.Json;
using OpenMetrics.Core.Imports;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Tests.Core.Imports;

public sealed class ImportRowMapperTests
{
    // 2024-01-05T10:00:00Z = 1704067200 (2024-01-01) + 4 × 86400 + 10 × 3600 = 1704448800.
    private const long Jan5At10 = 1704448800;
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(Jan5At10);

    [Fact]
    public void Mixpanel_takes_time_distinct_id_and_insert_id_out_of_the_properties()
    {
        var row = Map(ImportFormat.Mixpanel, """{"event":"Signed up","properties":{"time":1704448800,"distinct_id":"u1","$insert_id":"ins-1","plan":"pro"}}""");

        var imported = row.Event!;
        Assert.Equal("Signed up", imported.Name);
        Assert.Equal(Now, imported.Ts);
        Assert.Equal("u1", imported.UserId);
        Assert.Null(imported.DeviceId);
        Assert.Equal("ins-1", imported.InsertId);
        Assert.Equal("""{"plan":"pro"}""", imported.Props!.Value.GetRawText());
        Assert.True(imported.Active);
    }

    [Fact]
    public void Mixpanel_time_in_milliseconds_reads_too()
    {
        var row = Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800123,"distinct_id":"u1"}}""");

        Assert.Equal(Now.AddMilliseconds(123), row.Event!.Ts);
    }

    [Fact]
    public void Mixpanel_device_distinct_id_is_an_anonymous_device()
    {
        var row = Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800,"distinct_id":"$device:d1","$device_id":"d1"}}""");

        Assert.Null(row.Event!.UserId);
        Assert.Equal("d1", row.Event.DeviceId);
        Assert.Equal("{}", row.Event.Props!.Value.GetRawText());
    }

    [Fact]
    public void Mixpanel_user_id_and_device_id_name_both()
    {
        var row = Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800,"distinct_id":"u9","$user_id":"u9","$device_id":"d1"}}""");

        Assert.Equal("u9", row.Event!.UserId);
        Assert.Equal("d1", row.Event.DeviceId);
    }

    [Fact]
    public void Mixpanel_csv_flattened_to_the_top_level_reads_too()
    {
        // As ImportRecordReader makes a row of "event,time,distinct_id,plan" with a numeric id column.
        var row = Map(ImportFormat.Mixpanel, """{"event":"x","time":1704448800,"distinct_id":12345,"plan":"pro"}""");

        Assert.Equal("12345", row.Event!.UserId);
        Assert.Equal("""{"plan":"pro"}""", row.Event.Props!.Value.GetRawText());
    }

    [Theory]
    [InlineData("""{"properties":{"time":1704448800,"distinct_id":"u1"}}""", "event is missing")]
    [InlineData("""{"event":"","properties":{"time":1704448800,"distinct_id":"u1"}}""", "event must be a non-empty string")]
    [InlineData("""{"event":"x","properties":{"distinct_id":"u1"}}""", "properties.time is missing")]
    [InlineData("""{"event":"x","properties":{"time":1704448800}}""", "properties.distinct_id is missing")]
    [InlineData("""{"event":"x","properties":{"time":1704448800,"distinct_id":true}}""", "properties.distinct_id must be a string, not a boolean")]
    [InlineData("""{"event":"x","properties":"no"}""", "properties must be a JSON object, not a string")]
    [InlineData("""{"event":"x","properties":{"time":946684799,"distinct_id":"u1"}}""", "properties.time is before 2000-01-01")]
    // 1704448800 + 24 × 3600 = 1704535200: a day ahead, more than the 23 hours allowed.
    [InlineData("""{"event":"x","properties":{"time":1704535200,"distinct_id":"u1"}}""", "properties.time is in the future (2024-01-06 10:00:00 UTC, more than 23 hours ahead of the server clock)")]
    public void Mixpanel_refusals_name_the_field(string line, string reason)
    {
        var row = Map(ImportFormat.Mixpanel, line);

        Assert.Null(row.Event);
        Assert.Equal(reason, row.Refusal);
    }

    [Fact]
    public void A_time_just_within_the_clock_rule_is_kept()
    {
        // 1704448800 + 23 × 3600 = 1704531600: exactly the 23 hours ahead that live events may be.
        var row = Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704531600,"distinct_id":"u1"}}""");

        Assert.Equal(Now.AddHours(23), row.Event!.Ts);
    }

    [Fact]
    public void The_limits_of_live_events_hold()
    {
        var limits = new IngestLimits { MaxPropsPerObject = 2, MaxEventIdLength = 8, MaxNameLength = 5 };

        Assert.Equal("event is 6 characters long; the limit is 5",
            Map(ImportFormat.Mixpanel, """{"event":"sixsix","properties":{"time":1704448800,"distinct_id":"u1"}}""", limits).Refusal);
        Assert.Equal("properties has more than 2 keys",
            Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800,"distinct_id":"u1","a":1,"b":2,"c":3}}""", limits).Refusal);
        Assert.Equal("properties.$insert_id is 9 characters long; the limit is 8",
            Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800,"distinct_id":"u1","$insert_id":"123456789"}}""", limits).Refusal);
    }

    [Fact]
    public void Amplitude_reads_its_export_line()
    {
        var row = Map(ImportFormat.Amplitude, """
            {"event_type":"Play","user_id":"u1","device_id":"d1","event_time":"2024-01-05 10:00:00.123000","$insert_id":"a-1",
             "event_properties":{"song":"x"},"user_properties":{"plan":"pro"}}
            """);

        var imported = row.Event!;
        Assert.Equal("Play", imported.Name);
        Assert.Equal(Now.AddMilliseconds(123), imported.Ts); // the export's time is UTC without a zone
        Assert.Equal(("u1", "d1"), (imported.UserId, imported.DeviceId));
        Assert.Equal("a-1", imported.InsertId);
        Assert.Equal("""{"song":"x"}""", imported.Props!.Value.GetRawText());
        Assert.Equal("""{"plan":"pro"}""", imported.UserProps!.Value.GetRawText());
    }

    [Fact]
    public void Amplitude_http_api_shape_with_insert_id_and_time_in_ms_reads_too()
    {
        var row = Map(ImportFormat.Amplitude, """{"event_type":"Play","device_id":"d1","time":1704448800000,"insert_id":"h-1"}""");

        Assert.Equal((null, "d1"), (row.Event!.UserId, row.Event.DeviceId));
        Assert.Equal(Now, row.Event.Ts);
        Assert.Equal("h-1", row.Event.InsertId);
    }

    [Theory]
    [InlineData("""{"event_type":"Play","event_time":"2024-01-05 10:00:00.000000"}""", "user_id or device_id is missing")]
    [InlineData("""{"event_type":"Play","user_id":"u1"}""", "event_time is missing")]
    [InlineData("""{"event_type":"Play","user_id":"u1","event_time":"yesterday"}""", "event_time is not a unix time or an ISO-8601 date: \"yesterday\"")]
    [InlineData("""{"event_type":"Play","user_id":"u1","event_time":"2024-01-05 10:00:00","event_properties":[1]}""", "event_properties must be a JSON object, not an array")]
    public void Amplitude_refusals_name_the_field(string line, string reason) =>
        Assert.Equal(reason, Map(ImportFormat.Amplitude, line).Refusal);

    [Fact]
    public void PostHog_keeps_set_as_user_props_and_uuid_as_the_insert_id()
    {
        var row = Map(ImportFormat.PostHog, """
            {"event":"$pageview","distinct_id":"u1","timestamp":"2024-01-05T11:00:00+01:00","uuid":"0190a-1",
             "properties":{"$current_url":"/a","$set":{"email":"a@example.com"}}}
            """);

        var imported = row.Event!;
        Assert.Equal(Now, imported.Ts); // 11:00 at +01:00 is 10:00 UTC
        Assert.Equal("u1", imported.UserId);
        Assert.Equal("0190a-1", imported.InsertId);
        Assert.Equal("""{"$current_url":"/a"}""", imported.Props!.Value.GetRawText());
        Assert.Equal("""{"email":"a@example.com"}""", imported.UserProps!.Value.GetRawText());
    }

    [Theory]
    [InlineData("""{"event":"x","timestamp":"2024-01-05T10:00:00Z"}""", "distinct_id is missing")]
    [InlineData("""{"event":"x","distinct_id":"u1","timestamp":"2024-01-05T10:00:00Z","properties":3}""", "properties must be a JSON object, not a number")]
    public void PostHog_refusals_name_the_field(string line, string reason) =>
        Assert.Equal(reason, Map(ImportFormat.PostHog, line).Refusal);

    [Fact]
    public void OpenMetrics_reads_our_event_with_its_session_and_options()
    {
        var row = Map(ImportFormat.OpenMetrics, """{"name":"signup","ts":1704448800000,"sessionId":"s1","id":"e-1","props":{"plan":"pro"},"options":{"active":false}}""");

        var imported = row.Event!;
        Assert.Equal(("signup", "s1", "e-1"), (imported.Name, imported.SessionId, imported.InsertId));
        Assert.Equal(Now, imported.Ts);
        Assert.False(imported.Active);
        Assert.Null(imported.UserId);
    }

    [Fact]
    public void OpenMetrics_user_id_with_user_props()
    {
        var row = Map(ImportFormat.OpenMetrics, """{"name":"signup","ts":"2024-01-05T10:00:00Z","userId":"u1","userProps":{"plan":"pro"}}""");

        Assert.Equal("u1", row.Event!.UserId);
        Assert.Equal("""{"plan":"pro"}""", row.Event.UserProps!.Value.GetRawText());
        Assert.True(row.Event.Active);
    }

    [Theory]
    [InlineData("""{"name":"x","ts":1704448800000}""", "sessionId or userId is missing")]
    [InlineData("""{"name":"x","ts":1704448800000,"userId":"u1","options":{"active":"yes"}}""", "options.active must be true or false")]
    [InlineData("""{"name":"x","ts":1704448800000,"userId":"u1","userProps":"pro"}""", "userProps must be a JSON object, not a string")]
    public void OpenMetrics_refusals_name_the_field(string line, string reason) =>
        Assert.Equal(reason, Map(ImportFormat.OpenMetrics, line).Refusal);

    [Fact]
    public void Without_an_id_the_insert_id_is_a_hash_that_ignores_key_order()
    {
        var first = Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800,"distinct_id":"u1","a":1,"b":{"d":2,"c":3}}}""");
        var reordered = Map(ImportFormat.Mixpanel, """{"properties":{"b":{"c":3,"d":2},"distinct_id":"u1","a":1,"time":1704448800},"event":"x"}""");
        var otherProps = Map(ImportFormat.Mixpanel, """{"event":"x","properties":{"time":1704448800,"distinct_id":"u1","a":2,"b":{"d":2,"c":3}}}""");

        Assert.Matches("^[0-9a-f]{32}$", first.Event!.InsertId);
        Assert.Equal(first.Event.InsertId, reordered.Event!.InsertId);
        Assert.NotEqual(first.Event.InsertId, otherProps.Event!.InsertId);

        // The documented key: user, name, unix ms (1704448800 s × 1000) and the props with their keys sorted.
        Assert.Equal(OpenMetrics.Core.Storage.StableHash.Hex128("u1\nx\n1704448800000\n{\"a\":1,\"b\":{\"c\":3,\"d\":2}}"), first.Event.InsertId);
    }

    [Fact]
    public void A_record_the_reader_refused_stays_refused_with_its_line()
    {
        var row = ImportRowMapper.Map(ImportFormat.PostHog, new ImportRecord(7, null, "line 7 is not valid JSON"), new IngestLimits(), Now);

        Assert.Equal((7L, null, "line 7 is not valid JSON"), (row.Line, row.Event, row.Refusal));
    }

    private static ImportedRow Map(ImportFormat format, string json, IngestLimits? limits = null) =>
        ImportRowMapper.Map(format, new ImportRecord(1, JsonSerializer.Deserialize<JsonElement>(json), null), limits ?? new IngestLimits(), Now);
}
