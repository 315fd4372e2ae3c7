namespace OpenMetrics.Core.Storage;

/// <summary>
/// Creates queues, containers or tables once per process, on first use: one round trip for the process's life
/// instead of one per call. A failed attempt is forgotten, so the next call tries again.
/// </summary>
public sealed class StorageReadiness(Func<CancellationToken, Task> create) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await create(cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
