using System.Text.Json;
using OpenMetrics.Cli.Imports;
using OpenMetrics.Core.Imports;
using OpenMetrics.Tests.Core.Imports;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Cli.Imports;

/// <summary>
/// The import command against the real server: the local host over Azurite, whose requests may carry 4,096 bytes and
/// whose chunks hold 2 records (<see cref="SmallImportsHostFixture"/>), so a small file goes in parts and many chunks.
/// The aggregate app's imports queue is drained each time the command waits to poll.
/// </summary>
public sealed class ImportCommandEndToEndTests(SmallImportsHostFixture host) : IClassFixture<SmallImportsHostFixture>, IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ImportFilesOnDisk files = new();
    private readonly PollClock clock = new();
    private readonly RecordedProgress progress = new();
    private readonly HttpClient http = new();

    [Fact]
    public async Task A_file_sent_in_parts_is_followed_to_done_and_its_refused_lines_are_those_of_the_file()
    {
        // 32 lines: line 5 lacks properties.time, line 20 is not JSON, the other 30 are opens on 2025-03-10 (1741600800
        // is 10:00 UTC, plus the line number in seconds) by ann (lines 1-22) and ben (lines 23-32).
        var lines = new List<string>();
        for (var line = 1; line <= 32; line++)
        {
            var user = line <= 22 ? "ann" : "ben";
            lines.Add(line switch
            {
                5 => """{"event":"cli-open","properties":{"distinct_id":"ann"}}""",
                20 => """{"event": not json""",
                _ => $$$"""{"event":"cli-open-{{{_run}}}","properties":{"time":{{{1741600800 + line}}},"distinct_id":"cli-{{{user}}}-{{{_run}}}","$insert_id":"l{{{line}}}"}}""",
            });
        }

        var file = files.Write("history.ndjson", string.Join('\n', lines) + "\n");

        var code = await ImportAsync(file, partBytes: 1000);

        // Lines 1-22 are ann's (minus 5 and 20: 20 events), lines 23-32 ben's (10 events).
        Assert.Equal(ImportRun.RowsRefused, code);
        var final = progress.Final!;
        Assert.Equal("done", final.State);
        Assert.Equal(32, final.RowsRead);
        Assert.Equal(30, final.EventsAccepted);
        Assert.Equal([5L, 20], final.Refused!.Select(r => r.Line));
        var parts = progress.Uploads.Count - 1; // the first entry is the start, at 0 bytes
        Assert.True(parts >= 3, $"{parts} parts"); // 30 lines of ~125 bytes, in parts of at most 1,000 bytes

        var counts = await host.PostQueryAsync("/api/query/trends", $$"""{"series":[{"event":"cli-open-{{_run}}"}],"interval":"day","from":"2025-03-10","to":"2025-03-11","source":"raw"}""");
        Assert.Equal(30, Points(counts).Single());
        var uniques = await host.PostQueryAsync("/api/query/trends", $$"""{"series":[{"event":"cli-open-{{_run}}"}],"measure":"uniques","interval":"day","from":"2025-03-10","to":"2025-03-11","source":"raw"}""");
        Assert.Equal(2, Points(uniques).Single());
    }

    public void Dispose()
    {
        files.Dispose();
        http.Dispose();
    }

    private Task<int> ImportAsync(string file, long partBytes)
    {
        var url = host.Http.BaseAddress!;
        var options = new ImportOptions(file, ImportFormat.Mixpanel, url, LocalHostFixture.QueryKey, partBytes, Poll);
        var run = new ImportRun(new ImportClient(http, url, LocalHostFixture.QueryKey), clock, progress).RunAsync(options, CancellationToken.None);
        return clock.DriveAsync(run, Poll, host.ProcessImportsAsync);
    }

    private static double[] Points(JsonElement answer) =>
        [.. Assert.Single(answer.GetProperty("series").EnumerateArray()).GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble())];
}
