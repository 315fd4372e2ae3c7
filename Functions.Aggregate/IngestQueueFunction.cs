using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Functions;
using OpenMetrics.Storage;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>
/// Reads the ingest queue. Binds the whole <see cref="QueueMessage"/> for its id and dequeue count, which the handler
/// needs to record a reason at the last try; batch, retry and poison rules are in host.json, equal to the catalog's.
/// </summary>
public sealed class IngestQueueFunction(IngestQueueHandler handler)
{
    [Function(FunctionNames.ProcessIngest)]
    public Task Run(
        [QueueTrigger(StorageNames.IngestQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body, message.MessageId, message.DequeueCount, cancellationToken);
}
