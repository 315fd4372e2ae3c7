using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>
/// One accepted v1 call (or one part of a large one) on the ingest queue. Versioned: a consumer reads
/// <see cref="V"/> first and refuses versions it does not know. Fields that a call's kind does not use are null.
/// </summary>
/// <param name="Id">Unique per part: the call id and the part number.</param>
/// <param name="CallId">One id per accepted call, shared by its parts.</param>
/// <param name="Part">Zero-based part number; a call too large for one queue message is split by events.</param>
/// <param name="ClaimCheck">Set on the small envelope of a part too large for the queue: the blob that holds the whole message; kept on the message read back from it, so that the blob is deleted once processed.</param>
public sealed record IngestMessage(
    int V,
    string Id,
    string CallId,
    V1Call Kind,
    DateTimeOffset ReceivedAt,
    string SessionId,
    int Part,
    int Parts,
    bool? Active = null,
    string? UserId = null,
    JsonElement? Props = null,
    IReadOnlyList<IngestEvent>? Events = null,
    string? ClaimCheck = null)
{
    public const int CurrentVersion = 1;
}
