using OpenMetrics.Cli.Imports;
using OpenMetrics.Core.Imports;
using Spectre.Console.Testing;

namespace OpenMetrics.Tests.Cli.Imports;

public sealed class ConsoleImportProgressTests : IDisposable
{
    private readonly ImportFilesOnDisk files = new();

    [Fact]
    public async Task The_console_shows_the_totals_and_the_first_refused_lines()
    {
        await using var server = await ImportServer.StartAsync();
        server.Then(
            """{"id":"imp1","state":"running","bytesRead":0,"rowsRead":0,"eventsAccepted":0,"rowsRefused":0}""",
            """
            {"id":"imp1","format":"mixpanel","state":"done","bytesRead":77000,"rowsRead":1000,"eventsAccepted":998,"rowsRefused":2,
             "refused":[{"line":7,"reason":"properties.time is missing"},{"line":300,"reason":"event is missing"}]}
            """);
        var console = new TestConsole().Width(200);
        var clock = new PollClock();
        using var http = new HttpClient();
        var options = new ImportOptions(files.Write("events.ndjson", ImportFilesOnDisk.MixpanelLines()), ImportFormat.Mixpanel, server.Url, "KEY", 20_000, TimeSpan.FromSeconds(2));

        var code = await clock.DriveAsync(
            ConsoleImportProgress.RunAsync(console, progress => new ImportRun(new ImportClient(http, server.Url, "KEY"), clock, progress).RunAsync(options, CancellationToken.None)),
            TimeSpan.FromSeconds(2));

        Assert.Equal(ImportRun.RowsRefused, code);
        Assert.Contains("Import imp1 done: 1,000 rows read, 998 events accepted, 2 rows refused", console.Output);
        Assert.Contains("line 7: properties.time is missing", console.Output);
        Assert.Contains("line 300: event is missing", console.Output);
    }

    [Fact]
    public async Task The_console_shows_why_the_server_refused_the_file()
    {
        await using var server = await ImportServer.StartAsync();
        server.StartRefusal = (413, """{"error":"the file is over the import size limit of 1 GB"}""");
        var console = new TestConsole().Width(200);
        using var http = new HttpClient();
        var options = new ImportOptions(files.Write("events.ndjson", ImportFilesOnDisk.MixpanelLines()), ImportFormat.Mixpanel, server.Url, "KEY", 1024 * 1024, TimeSpan.FromSeconds(2));

        var code = await ConsoleImportProgress.RunAsync(console, progress => new ImportRun(new ImportClient(http, server.Url, "KEY"), TimeProvider.System, progress).RunAsync(options, CancellationToken.None));

        Assert.Equal(ImportRun.Failed, code);
        Assert.Contains("Refused: 413", console.Output);
        Assert.Contains("the file is over the import size limit of 1 GB", console.Output);
    }

    public void Dispose() => files.Dispose();
}
