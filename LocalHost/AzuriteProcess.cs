using System.Diagnostics;
using System.Net.Sockets;

namespace OpenMetrics.LocalHost;

/// <summary>
/// Azurite, the storage emulator, run from the repository's node_modules (an npm dev dependency). Started with
/// <c>--skipApiVersionCheck</c>: the Azure SDK speaks a newer storage API version than Azurite 3.37 accepts otherwise.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The connection string that means "Azurite on its default ports".</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Azurite's published development account key: a documented constant, not a secret.</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _dataFolder;
    private Process _process;

    private AzuriteProcess(Process process, AzuritePorts ports, string? dataFolder)
    {
        _process = process;
        Ports = ports;
        _dataFolder = dataFolder;
    }

    public AzuritePorts Ports { get; }

    public string ConnectionString => ConnectionStringFor(Ports);

    public static string ConnectionStringFor(AzuritePorts ports) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;";

    /// <summary>Starts Azurite and waits until all three services accept connections.</summary>
    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory (tests).</param>
    public static async Task<AzuriteProcess> StartAsync(AzuritePorts ports, string? dataFolder, CancellationToken cancellationToken = default)
    {
        var azurite = new AzuriteProcess(Launch(ports, dataFolder), ports, dataFolder);
        try
        {
            await WaitUntilListeningAsync(ports, azurite._process, cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>Freezes Azurite (SIGSTOP): connections stay open and requests hang, as in a storage outage.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>Lets a paused Azurite go on (SIGCONT); it then answers the requests that waited.</summary>
    public void Resume() => Signal("-CONT");

    /// <summary>
    /// Kills Azurite with SIGTERM and waits for it to exit; <see cref="StartAgainAsync"/> brings it back. Not SIGKILL:
    /// Azurite keeps its data in memory and saves it to its folder now and then and on SIGTERM, so a SIGKILL loses writes
    /// it had already acknowledged, which Azure Storage never does (an emulator's limit, not a fault to test for).
    /// </summary>
    public async Task KillAsync()
    {
        Signal("-TERM");
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts a killed Azurite again on the same ports and data folder, and waits until it listens.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        _process.Dispose();
        _process = Launch(Ports, _dataFolder);
        await WaitUntilListeningAsync(Ports, _process, cancellationToken);
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    private static Process Launch(AzuritePorts ports, string? dataFolder)
    {
        var root = RepositoryRoot.Find();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run 'npm ci' in {root} first.");
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Arguments(ports, dataFolder))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static bool IsListening(AzuritePorts ports) =>
        IsListening(ports.Blob) && IsListening(ports.Queue) && IsListening(ports.Table);

    private static IEnumerable<string> Arguments(AzuritePorts ports, string? dataFolder)
    {
        string[] common =
        [
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(),
        ];
        return dataFolder is null ? [.. common, "--inMemoryPersistence"] : [.. common, "--location", dataFolder];
    }

    private static async Task WaitUntilListeningAsync(AzuritePorts ports, Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!IsListening(ports))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening (ports {ports}).");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not listen on {ports} within 60 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromMilliseconds(300)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }
}
