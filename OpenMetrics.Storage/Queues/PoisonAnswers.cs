namespace OpenMetrics.Storage.Queues;

/// <summary>
/// <c>GET ops/poison</c>: how many messages the poison queue holds, and the first of them (a queue can be peeked
/// 32 at a time without hiding messages) with the reason each failed, when one was recorded.
/// </summary>
public sealed record PoisonListing(int Count, IReadOnlyList<PoisonMessage> Messages);

/// <summary>
/// One poison message: its id in the poison queue, when it got there, the SHA-256 of its body (which a discard
/// names), and why its last try failed.
/// </summary>
public sealed record PoisonMessage(string Id, DateTimeOffset? InsertedOn, string BodySha256, IngestFailure? Reason);

/// <summary><c>POST ops/poison/replay</c>: how many messages went back to the queue.</summary>
public sealed record ReplayResult(int Replayed);

/// <summary>
/// <c>DELETE ops/poison/{id}</c>: the message discarded, as recorded in the table <c>PoisonDiscards</c>. The ingest
/// message's id, kind and claim-check blob are null for a body too broken to read.
/// </summary>
public sealed record PoisonDiscard(
    string Id,
    string? MessageId,
    string? Kind,
    string? ClaimCheck,
    string BodySha256,
    DateTimeOffset? InsertedOn,
    DateTimeOffset DiscardedAt);

/// <summary>What a discard found: the message discarded, no message with that id, or one with another body.</summary>
public enum DiscardResult
{
    Discarded,
    NotFound,
    OtherBody,
}

/// <summary>What a discard did; <paramref name="Record"/> is set when it discarded.</summary>
public sealed record DiscardOutcome(DiscardResult Result, PoisonDiscard? Record);
