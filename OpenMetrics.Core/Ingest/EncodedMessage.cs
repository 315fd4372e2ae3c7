namespace OpenMetrics.Core.Ingest;

/// <summary>One queue message ready to send: its id and its UTF-8 JSON.</summary>
/// <param name="NeedsClaimCheck">Too large for a queue message even alone: the JSON goes to a blob and the queue carries its name.</param>
public sealed record EncodedMessage(string Id, IngestMessage Message, byte[] Json, bool NeedsClaimCheck);
