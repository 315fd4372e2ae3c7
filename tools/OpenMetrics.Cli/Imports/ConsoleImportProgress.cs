using System.Globalization;
using Spectre.Console;

namespace OpenMetrics.Cli.Imports;

/// <summary>
/// The import's progress on the console: a bar for the upload, one for the server's reading (rows, rows/s, time
/// left, refused), then a summary with the first refused lines.
/// </summary>
internal sealed class ConsoleImportProgress(ProgressTask upload, ProgressTask import) : IImportProgress
{
    private const int RefusedShown = 20;

    public ImportStatus? Final { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>Runs an import under the two bars, then writes the summary; returns the run's exit code.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, Func<IImportProgress, Task<int>> run)
    {
        ConsoleImportProgress? progress = null;
        var code = await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                progress = new ConsoleImportProgress(context.AddTask("Uploading"), context.AddTask("Importing", autoStart: false));
                return await run(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
        progress!.WriteSummary(console);
        return code;
    }

    public void Uploaded(long bytes, long total)
    {
        upload.MaxValue = Math.Max(total, 1);
        upload.Value = bytes;
        upload.Description = $"Uploading {Megabytes(bytes)} of {Megabytes(total)}";
        if (bytes >= total)
        {
            upload.StopTask();
            import.StartTask();
        }
    }

    public void Following(ImportStatus status, ImportRate rate)
    {
        var left = rate.Remaining is { } remaining ? $", {remaining:hh\\:mm\\:ss} left" : "";
        import.Description = string.Create(CultureInfo.InvariantCulture,
            $"Importing: {status.State}, {status.RowsRead:N0} rows, {rate.RowsPerSecond:N0} rows/s{left}, {status.RowsRefused:N0} refused");
        import.MaxValue = Math.Max(upload.MaxValue, 1);
        import.Value = Math.Min(status.BytesRead, import.MaxValue);
    }

    public void Finished(ImportStatus status)
    {
        Final = status;
        import.Value = import.MaxValue;
        import.Description = $"Import {status.State}";
        import.StopTask();
    }

    public void Refused(string reason)
    {
        Refusal = reason;
        upload.StopTask();
        import.StopTask();
    }

    private void WriteSummary(IAnsiConsole console)
    {
        if (Refusal is not null)
        {
            console.MarkupLineInterpolated($"[red]Refused:[/] {Refusal}");
            return;
        }

        var status = Final!;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Import {status.Id} {status.State}: {status.RowsRead:N0} rows read, {status.EventsAccepted:N0} events accepted, {status.RowsRefused:N0} rows refused");
        if (status.Error is not null)
        {
            console.MarkupLineInterpolated($"[red]Failed:[/] {status.Error}");
        }

        foreach (var refusal in (status.Refused ?? []).Take(RefusedShown))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  line {refusal.Line}: {refusal.Reason}");
        }

        if (status.RowsRefused > RefusedShown)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  … and {status.RowsRefused - RefusedShown:N0} more (GET /api/imports/{status.Id} lists the first 100)");
        }
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");
}
