using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>The outcome of reading a call's payload: a JSON object, or the reason it could not be read.</summary>
internal sealed record PayloadRead(JsonElement? Payload, IngestRejection? Rejection)
{
    public static PayloadRead Read(JsonElement payload) => new(payload, null);

    public static PayloadRead Refused(IngestRejection rejection) => new(null, rejection);
}
