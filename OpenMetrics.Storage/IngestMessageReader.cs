using System.Text.Json;
using Azure.Storage.Blobs;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Storage;

/// <summary>Reads an ingest queue message back into an <see cref="IngestMessage"/>, fetching a claim-checked body from its blob.</summary>
public sealed class IngestMessageReader(BlobContainerClient claims)
{
    public async Task<IngestMessage> ReadAsync(BinaryData body, CancellationToken cancellationToken)
    {
        var message = Parse(body);
        if (message.ClaimCheck is null)
        {
            return message;
        }

        var blob = await claims.GetBlobClient(message.ClaimCheck).DownloadContentAsync(cancellationToken);
        return Parse(blob.Value.Content) with { ClaimCheck = message.ClaimCheck };
    }

    /// <summary>
    /// Deletes a processed message's claim-check blob. If the message is then delivered again (the host stopped before
    /// the queue deleted it), its read fails with 404 and the caller finds it in the counted-messages ledger.
    /// </summary>
    public async Task DeleteClaimAsync(string claimCheck, CancellationToken cancellationToken) =>
        await claims.DeleteBlobIfExistsAsync(claimCheck, cancellationToken: cancellationToken);

    /// <summary>The queue message itself: for a claim-checked one, its envelope (ids, kind, times) without the body.</summary>
    public static IngestMessage Envelope(BinaryData body) => Parse(body);

    private static IngestMessage Parse(BinaryData body)
    {
        var message = JsonSerializer.Deserialize(body.ToMemory().Span, IngestJson.Default.IngestMessage)
            ?? throw new JsonException("The ingest message is null.");
        if (message.V != IngestMessage.CurrentVersion)
        {
            throw new JsonException($"Ingest message version {message.V} is not known to this reader (it reads {IngestMessage.CurrentVersion}).");
        }

        return message;
    }
}
