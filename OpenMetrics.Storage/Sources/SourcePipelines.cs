using Azure.Core;
using Azure.Core.Pipeline;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// The Azure.Core pipelines the source clients send through: Azure.Core's retry (408, 429, 5xx and connection
/// failures, a 429's Retry-After honoured when at most <see cref="SourceConnections.MaxRetryDelay"/>, see <see cref="ThrottleAwareRetryPolicy"/>), and for the two Azure
/// APIs a bearer token of the app's <see cref="TokenCredential"/> (managed identity in Azure, DefaultAzureCredential locally).
/// </summary>
public sealed class SourcePipelines
{
    /// <param name="azureTransport">How the Azure APIs are reached; null for the shared HttpClient (tests trust their own certificate).</param>
    public SourcePipelines(SourceConnections connections, TokenCredential credential, HttpPipelineTransport? azureTransport = null)
    {
        Connections = connections;
        AzureMonitor = Build(connections, azureTransport ?? HttpClientTransport.Shared, new BearerTokenAuthenticationPolicy(credential, connections.AzureMonitorScope));
        LogAnalytics = Build(connections, azureTransport ?? HttpClientTransport.Shared, new BearerTokenAuthenticationPolicy(credential, connections.LogAnalyticsScope));
        var rule = new OutboundAddressRule(connections.AllowPrivateNetworks, connections.AllowLoopback);
        Http = Build(connections, new HttpClientTransport(new HttpClient(GuardedConnections.Handler(rule)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }), null);
    }

    public SourceConnections Connections { get; }

    public HttpPipeline AzureMonitor { get; }

    public HttpPipeline LogAnalytics { get; }

    /// <summary>HTTP sources: no Azure token (it must never reach a user's URL), and the guarded connections.</summary>
    public HttpPipeline Http { get; }

    private static HttpPipeline Build(SourceConnections connections, HttpPipelineTransport transport, HttpPipelinePolicy? authentication)
    {
        var options = new PipelineOptions
        {
            Transport = transport,
            RetryPolicy = new ThrottleAwareRetryPolicy(connections.MaxRetries, connections.RetryDelay, connections.MaxRetryDelay),
        };
        options.Retry.NetworkTimeout = connections.Timeout;
        return HttpPipelineBuilder.Build(options, [], authentication is null ? [] : [authentication], new NoRetryOnRefusal());
    }

    private sealed class PipelineOptions : ClientOptions
    {
    }

    /// <summary>Azure.Core's classification, except that a refused address is final: asking again gets the same answer.</summary>
    private sealed class NoRetryOnRefusal : ResponseClassifier
    {
        public override bool IsRetriable(HttpMessage message, Exception exception) =>
            SourceErrors.Find<OutboundAddressRefusedException>(exception) is null && base.IsRetriable(message, exception);
    }
}
