using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace OpenMetrics.Storage;

/// <summary>
/// The one place where storage clients are configured. Retries are short on purpose: a v1 call waits on them, and a
/// client told 503 with Retry-After retries by itself, which beats holding its request for a minute.
/// </summary>
public sealed class StorageClientOptions
{
    /// <summary>Extra pipeline policies for every client of one account (a request counter in the benchmarks, for instance).</summary>
    public IList<HttpPipelinePolicy> ExtraPolicies { get; init; } = [];

    /// <summary>
    /// How long one try may wait for storage. With two retries a call that storage never answers fails after about
    /// three times this (plus 1.1 s of delays), the budget a v1 call spends before it answers 503.
    /// </summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public QueueClientOptions Queues() => Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public BlobClientOptions Blobs() => Configure(new BlobClientOptions());

    public TableClientOptions Tables() => Configure(new TableClientOptions());

    private T Configure<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = NetworkTimeout;
        foreach (var policy in ExtraPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
