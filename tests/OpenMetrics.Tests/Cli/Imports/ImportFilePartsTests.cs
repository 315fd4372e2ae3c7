using System.Text;
using OpenMetrics.Cli.Imports;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Tests.Cli.Imports;

public sealed class ImportFilePartsTests
{
    // 61 bytes: "event," 6 + "properties.time," 16 + "properties.distinct_id," 23 + "properties.note\n" 16.
    private const string CsvHeader = "event,properties.time,properties.distinct_id,properties.note\n";

    // 22 bytes over two lines: "e," 2 + "1704448800," 11 + "u1," 3 + "\"a\nb\"" 5 + "\n" 1. The line end inside the
    // quotes is no place to cut.
    private const string CsvRow = "e,1704448800,u1,\"a\nb\"\n";

    // 65 bytes: {"event":"e", 13 + "properties":{ 14 + "time":1704448800, 18 + "distinct_id":"u1" 18 + }} 2.
    private const string Item = "{\"event\":\"e\",\"properties\":{\"time\":1704448800,\"distinct_id\":\"u1\"}}";

    [Fact]
    public async Task Csv_parts_end_after_a_row_and_each_starts_with_the_header()
    {
        var csv = CsvHeader + string.Concat(Enumerable.Repeat(CsvRow, 100));

        var parts = await SplitAsync(csv, partBytes: 500);

        // 500 / 22 = 22.7: 22 rows (484 bytes) a part; 100 rows = 4 parts of 22 and one of 12.
        Assert.Equal([61 + 484, 61 + 484, 61 + 484, 61 + 484, 61 + (12 * 22)], parts.Select(p => p.Body.Length));
        Assert.All(parts, p => Assert.StartsWith(CsvHeader, Encoding.UTF8.GetString(p.Body)));
        Assert.All(parts, p => Assert.Equal("text/csv", p.ContentType));
        Assert.Equal([false, false, false, false, true], parts.Select(p => p.Final));

        // Every part reads as a CSV on its own, with no row refused: 22 × 4 + 12 = 100 rows.
        var rows = 0;
        foreach (var part in parts)
        {
            await foreach (var record in ImportRecordReader.ReadAsync(new MemoryStream(part.Body), gzip: false, CancellationToken.None))
            {
                Assert.Null(record.Error);
                Assert.Equal("a\nb", record.Value!.Value.GetProperty("properties").GetProperty("note").GetString());
                rows++;
            }
        }

        Assert.Equal(100, rows);
    }

    [Fact]
    public async Task A_json_array_larger_than_a_part_goes_as_ndjson_parts()
    {
        var array = "[\n" + string.Join(",\n", Enumerable.Repeat(Item, 100)) + "\n]\n";

        var parts = await SplitAsync(array, partBytes: 500);

        // A line is the item and its line end, 66 bytes; a part is sent once it holds 500: 8 items (528 bytes).
        // 100 items = 12 parts of 8 and one of 4 (264 bytes).
        Assert.Equal(13, parts.Count);
        Assert.All(parts[..^1], p => Assert.Equal(528, p.Body.Length));
        Assert.Equal(264, parts[^1].Body.Length);
        Assert.Equal(Item + "\n", Encoding.UTF8.GetString(parts[0].Body)[..66]);
        Assert.All(parts, p => Assert.Equal("application/x-ndjson", p.ContentType));
        Assert.Equal(12, parts.Count(p => !p.Final));
    }

    [Fact]
    public async Task A_file_that_fits_a_part_is_sent_as_it_is()
    {
        var array = "[" + Item + "," + Item + "]";

        var part = Assert.Single(await SplitAsync(array, partBytes: 500));

        Assert.Equal(array, Encoding.UTF8.GetString(part.Body));
        Assert.Equal("application/json", part.ContentType);
        Assert.True(part.Final);
    }

    [Fact]
    public async Task Trailing_blank_lines_do_not_make_an_empty_last_part()
    {
        // Two 10-byte lines then blank lines: the first part ends after line 1 (the limit is 15), the second holds
        // line 2 and is the last, with the blank lines after it.
        var text = "{\"e\":\"01\"}\n{\"e\":\"02\"}\n\n\n\n\n\n\n\n";

        var parts = await SplitAsync(text, partBytes: 15);

        Assert.Equal([false, true], parts.Select(p => p.Final));
        Assert.Equal("{\"e\":\"01\"}\n", Encoding.UTF8.GetString(parts[0].Body));
    }

    [Fact]
    public async Task A_line_longer_than_a_part_goes_whole_in_its_part()
    {
        var text = "{\"e\":\"" + new string('x', 100) + "\"}\n{\"e\":\"2\"}\n";

        var parts = await SplitAsync(text, partBytes: 20);

        Assert.Equal([109, 10], parts.Select(p => p.Body.Length)); // 6 + 100 + 2 + 1 = 109, then {"e":"2"} and its line end
    }

    private static async Task<List<ImportPart>> SplitAsync(string text, long partBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var parts = new List<ImportPart>();
        await foreach (var part in ImportFileParts.ReadAsync(new MemoryStream(bytes), gzipped: false, bytes.Length, partBytes, CancellationToken.None))
        {
            parts.Add(part);
        }

        return parts;
    }
}
