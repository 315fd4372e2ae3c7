using System.Net.Http;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Cli.Imports;

/// <summary>
/// One <c>import</c>: sends the file in parts, then polls the server until the import is done or failed. The exit
/// code says how it went: 0 done with no refused row, 1 done with refused rows, 2 failed or refused by the server.
/// Waits between polls through the <see cref="TimeProvider"/>, so that a test moves the clock instead of waiting.
/// </summary>
internal sealed class ImportRun(ImportClient client, TimeProvider clock, IImportProgress progress)
{
    public const int Done = 0;
    public const int RowsRefused = 1;
    public const int Failed = 2;

    public async Task<int> RunAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var (id, bytesSent) = await UploadAsync(options, cancellationToken).ConfigureAwait(false);
            var status = await FollowAsync(id, bytesSent, options.PollInterval, cancellationToken).ConfigureAwait(false);
            progress.Finished(status);
            return status.State != "done" ? Failed : status.RowsRefused == 0 ? Done : RowsRefused;
        }
        catch (ImportServerException e)
        {
            progress.Refused(e.Message);
        }
        catch (ImportFileException e)
        {
            progress.Refused($"the file cannot be read: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            progress.Refused($"cannot reach {options.Url}: {e.Message}");
        }

        return Failed;
    }

    private async Task<(string Id, long BytesSent)> UploadAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(options.File);
        var length = file.Length;
        var gzipped = options.File.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        string? id = null;
        long sent = 0;
        progress.Uploaded(0, length);
        await foreach (var part in ImportFileParts.ReadAsync(file, gzipped, length, options.PartBytes, cancellationToken).ConfigureAwait(false))
        {
            var status = id is null
                ? await client.StartAsync(options.Format, part, cancellationToken).ConfigureAwait(false)
                : await client.SendPartAsync(id, part, cancellationToken).ConfigureAwait(false);
            id = status.Id;
            sent += part.Body.Length;
            progress.Uploaded(file.Position, length);
        }

        return (id!, sent);
    }

    private async Task<ImportStatus> FollowAsync(string id, long bytesSent, TimeSpan interval, CancellationToken cancellationToken)
    {
        (DateTimeOffset, ImportStatus)? first = null;
        while (true)
        {
            var status = await client.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (status.IsOver)
            {
                return status;
            }

            var now = (clock.GetUtcNow(), status);
            first ??= now;
            progress.Following(status, ImportRate.Between(first.Value, now, bytesSent));
            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
