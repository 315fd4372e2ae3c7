using Microsoft.Extensions.Hosting;

namespace OpenMetrics.Client;

/// <summary>
/// Sends what is queued when the host stops, within the host's own shutdown timeout. Whatever is logged after it (a
/// request still finishing) goes when the container disposes the client, which flushes once more.
/// </summary>
internal sealed class FlushOnShutdown(OpenMetricsClient client) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stops waiting; the client's dispose makes the last attempt.
        }
    }
}
