using OpenMetrics.Cli.Imports;
using Spectre.Console;

// openmetrics import FILE --format F --url URL --key KEY: see docs/imports.md, "The command line".
var (options, error) = ImportArguments.Parse(args, Environment.GetEnvironmentVariable("OPENMETRICS_QUERY_KEY"));
if (options is null)
{
    AnsiConsole.MarkupLineInterpolated($"[red]{error}[/]");
    AnsiConsole.WriteLine(ImportArguments.Usage);
    return ImportRun.Failed;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// Long enough for one part over a slow link; the server answers a part at once (202) and works on it later.
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
var client = new ImportClient(http, options.Url, options.Key);
return await ConsoleImportProgress.RunAsync(
    AnsiConsole.Console,
    progress => new ImportRun(client, TimeProvider.System, progress).RunAsync(options, cancel.Token));
