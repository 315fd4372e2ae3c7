using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>A call that passed validation: what goes on the queue, plus the events of a batch that were refused.</summary>
public sealed record ValidatedCall(
    V1Call Kind,
    string CallId,
    DateTimeOffset ReceivedAt,
    string SessionId,
    bool? Active,
    string? UserId,
    JsonElement? Props,
    IReadOnlyList<IngestEvent>? Events,
    IReadOnlyList<EventRejection> Rejected);
