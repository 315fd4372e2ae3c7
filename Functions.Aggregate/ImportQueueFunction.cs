using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Functions;
using OpenMetrics.Storage;

namespace OpenMetrics.Functions.Aggregate;

/// <summary>Reads the imports queue, one chunk of an import a message; the rules are host.json's, as for the ingest queue.</summary>
public sealed class ImportQueueFunction(ImportQueueHandler handler)
{
    [Function(FunctionNames.ProcessImportChunk)]
    public Task Run(
        [QueueTrigger(StorageNames.ImportsQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body, message.MessageId, message.DequeueCount, cancellationToken);
}
