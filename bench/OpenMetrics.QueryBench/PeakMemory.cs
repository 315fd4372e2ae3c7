using System.Diagnostics;

namespace OpenMetrics.QueryBench;

/// <summary>
/// Samples this process's working set every 20 ms while a measured call runs. The local host runs in this process,
/// so the peak is what answering the query takes on top of the baseline (the host idle, after a full collection).
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    private PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        BaselineBytes = Current();
        _peak = BaselineBytes;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Current());
                await Task.Delay(20).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });
    }

    public long BaselineBytes { get; }

    public long PeakBytes => _peak;

    public static PeakMemory Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _peak = Math.Max(_peak, Current());
        _stop.Dispose();
    }

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
