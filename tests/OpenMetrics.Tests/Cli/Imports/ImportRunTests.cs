using System.Text;
using OpenMetrics.Cli.Imports;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Tests.Cli.Imports;

public sealed class ImportRunTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly ImportFilesOnDisk files = new();
    private readonly PollClock clock = new();
    private readonly RecordedProgress progress = new();
    private readonly HttpClient http = new();

    // 1,000 lines × 77 bytes = 77,000 bytes (ImportFilesOnDisk.MixpanelLines).
    private const string Running0 = """{"id":"imp1","format":"mixpanel","state":"running","bytesRead":0,"rowsRead":0,"eventsAccepted":0,"rowsRefused":0,"refused":[]}""";
    private const string Running500 = """{"id":"imp1","format":"mixpanel","state":"running","bytesRead":38500,"rowsRead":500,"eventsAccepted":500,"rowsRefused":0,"refused":[]}""";
    private const string DoneWithTwoRefused = """
        {"id":"imp1","format":"mixpanel","state":"done","bytesRead":77000,"rowsRead":1000,"eventsAccepted":998,"rowsRefused":2,
         "refused":[{"line":7,"reason":"properties.time is missing"},{"line":300,"reason":"event is missing"}],"error":null,
         "createdAt":"2024-01-05T10:00:00Z","startedAt":"2024-01-05T10:00:01Z","finishedAt":"2024-01-05T10:00:04Z"}
        """;
    private const string DoneClean = """{"id":"imp1","format":"mixpanel","state":"done","bytesRead":77000,"rowsRead":1000,"eventsAccepted":1000,"rowsRefused":0,"refused":[]}""";
    private const string FailedTruncated = """{"id":"imp1","format":"mixpanel","state":"failed","bytesRead":512,"rowsRead":6,"eventsAccepted":6,"rowsRefused":0,"refused":[],"error":"the gzip file is truncated"}""";

    [Fact]
    public async Task A_file_larger_than_a_part_goes_in_parts_then_the_progress_is_followed_until_done()
    {
        await using var server = await ImportServer.StartAsync();
        server.Then(Running0, Running500, DoneWithTwoRefused);
        var file = files.Write("events.ndjson", ImportFilesOnDisk.MixpanelLines());

        var code = await RunAsync(server, file, partBytes: 20_000);

        // 20,000 / 77 = 259.7: a part holds 259 whole lines (19,943 bytes); 259 + 259 + 259 + 223 = 1,000 lines.
        var uploads = server.Uploads.ToArray();
        Assert.Equal([19_943, 19_943, 19_943, 223 * 77], uploads.Select(u => u.Body.Length));
        Assert.Equal(
            ["/api/imports?format=mixpanel&final=false", "/api/imports/imp1/parts?final=false", "/api/imports/imp1/parts?final=false", "/api/imports/imp1/parts?final=true"],
            uploads.Select(u => u.PathAndQuery));
        Assert.All(uploads, u => Assert.Equal("KEY", u.Key));
        Assert.All(uploads, u => Assert.Equal("application/x-ndjson", u.ContentType));
        Assert.Equal(ImportFilesOnDisk.MixpanelLines(), Encoding.UTF8.GetString([.. uploads.SelectMany(u => u.Body)]));
        Assert.Equal((77_000L, 77_000L), progress.Uploads[^1]);

        // Polls at 10:00:00 and 10:00:02 (then done at 10:00:04): 500 rows in 2 s = 250 rows/s; 38,500 bytes in 2 s
        // = 19,250 bytes/s, with 77,000 - 38,500 = 38,500 bytes left: 2 s.
        Assert.Equal(2, progress.Polls.Count);
        Assert.Equal(250, progress.Polls[1].Rate.RowsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(2), progress.Polls[1].Rate.Remaining);
        Assert.Equal(3, server.Gets);

        Assert.Equal(ImportRun.RowsRefused, code); // done, but 2 rows were refused
        Assert.Equal([7L, 300], progress.Final!.Refused!.Select(r => r.Line));
    }

    [Fact]
    public async Task A_clean_import_exits_zero()
    {
        await using var server = await ImportServer.StartAsync();
        server.Then(DoneClean);

        var code = await RunAsync(server, files.Write("events.ndjson", ImportFilesOnDisk.MixpanelLines()), partBytes: 1024 * 1024);

        Assert.Equal(ImportRun.Done, code);
        var upload = Assert.Single(server.Uploads); // 77,000 bytes fit one part: sent as it is, in one call
        Assert.Equal("/api/imports?format=mixpanel&final=true", upload.PathAndQuery);
    }

    [Fact]
    public async Task A_failed_import_exits_two_with_its_error()
    {
        await using var server = await ImportServer.StartAsync();
        server.Then(Running0, FailedTruncated);

        var code = await RunAsync(server, files.Write("events.ndjson", ImportFilesOnDisk.MixpanelLines()), partBytes: 1024 * 1024);

        Assert.Equal(ImportRun.Failed, code);
        Assert.Equal("the gzip file is truncated", progress.Final!.Error);
    }

    [Theory]
    [InlineData(413, """{"error":"the file is over the import size limit of 1 GB"}""", "the file is over the import size limit of 1 GB")]
    [InlineData(400, """{"error":"the first line has no field \"event\", which the mixpanel format needs","field":"body"}""", "the first line has no field \"event\"")]
    [InlineData(413, "<html>too large</html>", "over the server's size limit")]
    public async Task A_file_the_server_refuses_exits_two_with_its_words(int status, string body, string reason)
    {
        await using var server = await ImportServer.StartAsync();
        server.StartRefusal = (status, body);

        var code = await RunAsync(server, files.Write("events.ndjson", ImportFilesOnDisk.MixpanelLines()), partBytes: 1024 * 1024);

        Assert.Equal(ImportRun.Failed, code);
        Assert.StartsWith(status.ToString(System.Globalization.CultureInfo.InvariantCulture), progress.Refusal);
        Assert.Contains(reason, progress.Refusal);
        Assert.Equal(0, server.Gets);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_two()
    {
        var nobody = new Uri($"http://127.0.0.1:{OpenMetrics.LocalHost.AzuritePorts.FreePort()}");
        var options = new ImportOptions(files.Write("a.ndjson", "{}\n"), ImportFormat.Mixpanel, nobody, "KEY", 1024, Poll);

        var code = await new ImportRun(new ImportClient(http, nobody, "KEY"), clock, progress).RunAsync(options, CancellationToken.None);

        Assert.Equal(ImportRun.Failed, code);
        Assert.StartsWith($"cannot reach {nobody}", progress.Refusal);
    }

    [Fact]
    public async Task A_large_gzip_file_is_gunzipped_and_each_part_gzipped_again()
    {
        await using var server = await ImportServer.StartAsync();
        server.Then(DoneClean);
        var file = files.WriteGzip("events.ndjson.gz", ImportFilesOnDisk.MixpanelLines());
        Assert.True(new FileInfo(file).Length > 1000); // the test needs a compressed file larger than one part

        await RunAsync(server, file, partBytes: 1000);

        // 1,000 / 77 = 12.99: 12 lines a part (924 bytes); 1,000 lines = 83 parts of 12 and one of 4, 84 parts.
        var uploads = server.Uploads.ToArray();
        Assert.Equal(84, uploads.Length);
        Assert.All(uploads, u => Assert.True(u.Gzip));
        Assert.Equal(4 * 77, uploads[^1].Body.Length);
        Assert.Equal(ImportFilesOnDisk.MixpanelLines(), Encoding.UTF8.GetString([.. uploads.SelectMany(u => u.Body)]));
    }

    public void Dispose()
    {
        http.Dispose();
        files.Dispose();
    }

    private Task<int> RunAsync(ImportServer server, string file, long partBytes)
    {
        var options = new ImportOptions(file, ImportFormat.Mixpanel, server.Url, "KEY", partBytes, Poll);
        var run = new ImportRun(new ImportClient(http, server.Url, "KEY"), clock, progress).RunAsync(options, CancellationToken.None);
        return clock.DriveAsync(run, Poll);
    }
}
