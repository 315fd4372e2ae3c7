using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace OpenMetrics.Core.Storage;

/// <summary>
/// The one place where storage clients are configured. Retries are short on purpose: a v1 call waits on them, and a
/// client told 503 with Retry-After retries by itself, which beats holding its request for a minute.
/// </summary>
public sealed class StorageClientOptions
{
    /// <summary>Extra pipeline policies for every client of one account (a request counter in the benchmarks, for instance).</summary>
    public IList<HttpPipelinePolicy> ExtraPolicies { get; init; } = [];

    public QueueClientOptions Queues() => Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public BlobClientOptions Blobs() => Configure(new BlobClientOptions());

    public TableClientOptions Tables() => Configure(new TableClientOptions());

    private T Configure<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        foreach (var policy in ExtraPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
