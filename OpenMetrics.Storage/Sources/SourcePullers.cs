using Microsoft.Extensions.Configuration;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>The pull of each kind, behind the one <see cref="ISourcePuller"/> the runner knows.</summary>
public sealed class SourcePullers(SourcePipelines pipelines, IConfiguration configuration) : ISourcePuller
{
    private readonly AzureMonitorPuller _azureMonitor = new(pipelines);
    private readonly LogAnalyticsPuller _logAnalytics = new(pipelines);
    private readonly HttpPuller _http = new(pipelines, configuration);

    public async Task<IReadOnlyList<MetricPoint>> PullAsync(MetricSource source, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            return await PullKindAsync(source, from, to, cancellationToken);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // An answer not in the documented shape is the service's fault or a wrong URL, never a crash of the run.
            var service = source.Kind switch { SourceKind.AzureMonitor => AzureMonitorPuller.Service, SourceKind.LogAnalytics => LogAnalyticsPuller.Service, _ => source.Http?.Url.Host ?? "The source" };
            throw new SourcePullException($"{service} answered something other than the documented shape: {exception.Message}", exception);
        }
    }

    private Task<IReadOnlyList<MetricPoint>> PullKindAsync(MetricSource source, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => source.Kind switch
    {
        SourceKind.AzureMonitor => _azureMonitor.PullAsync(source, from, to, cancellationToken),
        SourceKind.LogAnalytics => _logAnalytics.PullAsync(source, from, to, cancellationToken),
        SourceKind.Http => _http.PullAsync(source, cancellationToken),
        _ => throw new SourcePullException("A push source is not pulled: its points arrive through POST /api/metrics/points."),
    };
}
