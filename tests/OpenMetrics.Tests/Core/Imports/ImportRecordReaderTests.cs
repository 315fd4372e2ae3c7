using System.Text.Json;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Tests.Core.Imports;

public sealed class ImportRecordReaderTests
{
    // Line 1 a, 2 blank (skipped), 3 not JSON, 4 b with a CRLF end, 5 an array, 6 c without a final line end.
    private const string Ndjson = "{\"event\":\"a\"}\n\nnot json\n{\"event\":\"b\"}\r\n[1]\n{\"event\":\"c\"}";

    // Line 1 "[", 2 a, 3-4 b (spread over two lines), 5 the number 2, 6 c, 7 "]".
    private const string Array = "[\n  {\"event\":\"a\"},\n  {\"event\":\"b\",\n   \"x\":1},\n  2,\n  {\"event\":\"c\"}\n]\n";

    // Header line 1; 2 signup; 3-4 login (a quoted field holds a line break); 5 two fields of five; 6 buy.
    private const string Csv =
        "event,properties.time,properties.distinct_id,properties.plan,properties.note\n" +
        "signup,1704448800,u1,pro,\"a, b\"\n" +
        "login,1704448801,007,,\"two\nlines\"\n" +
        "x,1\n" +
        "buy,1704448802,u2,true,\"say \"\"hi\"\"\"\n";

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Ndjson_yields_each_line_with_its_number_and_refuses_the_bad_ones(int bytesPerRead)
    {
        var records = await ImportFiles.ReadAsync(ImportFiles.Utf8(Ndjson), gzip: false, bytesPerRead);

        Assert.Equal([1L, 3, 4, 5, 6], records.Select(r => r.Line));
        Assert.Equal("a", Event(records[0]));
        Assert.StartsWith("line 3 is not valid JSON", records[1].Error);
        Assert.Equal("b", Event(records[2]));
        Assert.Equal("line 5 is an array, not a JSON object", records[3].Error);
        Assert.Equal("c", Event(records[4]));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Array_items_are_streamed_with_the_line_they_start_on(int bytesPerRead)
    {
        var records = await ImportFiles.ReadAsync(ImportFiles.Utf8(Array), gzip: false, bytesPerRead);

        Assert.Equal([2L, 3, 5, 6], records.Select(r => r.Line));
        Assert.Equal(["a", "b", null, "c"], records.Select(r => r.Value is null ? null : Event(r)));
        Assert.Equal(1, records[1].Value!.Value.GetProperty("x").GetInt32());
        Assert.Equal("item 3 of the array (line 5) is a number, not a JSON object", records[2].Error);
    }

    [Theory]
    [InlineData("[{\"event\":\"a\"},\n{\"event\":\"b\"", "the JSON array is never closed: the file ends at line 2 after 1 items (is it truncated?)")]
    [InlineData("[{\"event\":\"a\"},\n{\"event\":\"b\"},", "the JSON array is never closed: the file ends at line 2 after 2 items (is it truncated?)")]
    [InlineData("[{\"event\":\"a\"}]\n{\"event\":\"b\"}", "there is more after the end of the JSON array, at line 2")]
    [InlineData("[{\"event\":\"a\"} {\"event\":\"b\"}]", "the JSON array is not valid at line 1: a comma or ] must follow an item")]
    public async Task An_array_that_is_cut_or_broken_fails_the_file(string text, string message)
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportFiles.ReadAsync(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Broken_json_inside_an_array_fails_the_file_naming_the_line()
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportFiles.ReadAsync("[\n{\"event\":\"a\"},\n{\"event\" \"b\"}]"));

        Assert.StartsWith("the JSON array is not valid JSON from line 3", error.Message);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Csv_rows_become_objects_named_by_the_header(int bytesPerRead)
    {
        var records = await ImportFiles.ReadAsync(ImportFiles.Utf8(Csv), gzip: false, bytesPerRead);

        Assert.Equal([2L, 3, 5, 6], records.Select(r => r.Line));
        var signup = records[0].Value!.Value;
        Assert.Equal("signup", Event(records[0]));
        var properties = signup.GetProperty("properties");
        Assert.Equal(1704448800, properties.GetProperty("time").GetInt64()); // a plain number becomes a number
        Assert.Equal("u1", properties.GetProperty("distinct_id").GetString());
        Assert.Equal("a, b", properties.GetProperty("note").GetString());

        var login = records[1].Value!.Value.GetProperty("properties");
        Assert.Equal("007", login.GetProperty("distinct_id").GetString()); // a leading zero keeps it text
        Assert.False(login.TryGetProperty("plan", out _)); // an empty field is left out
        Assert.Equal("two\nlines", login.GetProperty("note").GetString());

        Assert.Equal("line 5 has 2 fields; the header has 5", records[2].Error);

        var buy = records[3].Value!.Value.GetProperty("properties");
        Assert.Equal(JsonValueKind.True, buy.GetProperty("plan").ValueKind);
        Assert.Equal("say \"hi\"", buy.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Csv_with_a_byte_order_mark_and_crlf_line_ends_reads_the_same()
    {
        var records = await ImportFiles.ReadAsync("\uFEFFevent_type,user_id\r\nopen,u1\r\n\r\nclose,u2\r\n");

        // Header line 1, open line 2, the blank line 3 skipped, close line 4.
        Assert.Equal([2L, 4], records.Select(r => r.Line));
        Assert.Equal(["open", "close"], records.Select(r => r.Value!.Value.GetProperty("event_type").GetString()));
        Assert.Equal("u2", records[1].Value!.Value.GetProperty("user_id").GetString());
    }

    [Theory]
    [InlineData("properties,properties.time\nx,1\n", "the CSV header has both \"properties\" and \"properties.time\"")]
    [InlineData("event,event\nx,y\n", "the CSV header names \"event\" twice, or also as the start of a dotted name")]
    [InlineData("event,properties..time\nx,1\n", "the CSV column \"properties..time\" has an empty part between its dots")]
    public async Task A_csv_header_that_cannot_name_the_rows_fails_the_file(string text, string message)
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportFiles.ReadAsync(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_csv_quote_never_closed_refuses_the_last_row()
    {
        var records = await ImportFiles.ReadAsync("event,note\na,\"fine\"\nb,\"open\n");

        Assert.Equal("line 3 opens a quoted field that is never closed", records[1].Error);
    }

    [Fact]
    public async Task Gzip_is_read_as_the_file_inside()
    {
        var records = await ImportFiles.ReadAsync(ImportFiles.Gzip(ImportFiles.Utf8(Ndjson)), gzip: true, bytesPerRead: 3);

        // The same five records as the plain NDJSON above.
        Assert.Equal([1L, 3, 4, 5, 6], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData(4)] // the size at the end is missing
    [InlineData(8)] // the checksum and the size are missing
    [InlineData(100)] // cut in the middle of the compressed data
    public async Task A_truncated_gzip_fails_the_file(int bytesCut)
    {
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"event\":\"e{i}\"}}\n"));
        var gzip = ImportFiles.Gzip(ImportFiles.Utf8(lines));

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportFiles.ReadAsync(gzip[..^bytesCut], gzip: true));

        Assert.StartsWith("the gzip file is truncated", error.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_gzip_sent_as_gzip_fails_the_file()
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportFiles.ReadAsync(ImportFiles.Utf8(Ndjson), gzip: true));

        Assert.StartsWith("the body is not valid gzip", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n\t")]
    public async Task An_empty_file_fails(string text)
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportFiles.ReadAsync(text));

        Assert.Equal("the file is empty", error.Message);
    }

    [Fact]
    public async Task A_line_over_the_record_limit_is_refused_and_the_next_one_read()
    {
        // 5 MiB of "x" inside a string: over the 4 MiB a record may take.
        var text = "{\"event\":\"a\"}\n{\"event\":\"" + new string('x', 5 * 1024 * 1024) + "\"}\n{\"event\":\"c\"}\n";

        var records = await ImportFiles.ReadAsync(text);

        Assert.Equal([1L, 2, 3], records.Select(r => r.Line));
        Assert.Equal("line 2 is longer than 4 MiB", records[1].Error);
        Assert.Equal("c", Event(records[2]));
    }

    private static string? Event(ImportRecord record) => record.Value!.Value.GetProperty("event").GetString();
}
