using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>
/// Turns a validated call into queue messages. Most calls are one message; a batch whose JSON is larger than a
/// queue message is split by events into parts, and a part that is still too large (one huge event, or huge props)
/// is claim-checked: its JSON goes to a blob. Nothing is refused for its size here.
/// </summary>
public static class IngestMessageBuilder
{
    /// <summary>
    /// A queue message holds 64 KiB after Base64 (the Functions queue trigger's encoding), that is 48 KiB of JSON;
    /// a little is kept back for the queue's own envelope.
    /// </summary>
    public const int MaxMessageBytes = 48 * 1024 - 512;

    public static IReadOnlyList<EncodedMessage> Build(ValidatedCall call, int maxMessageBytes = MaxMessageBytes)
    {
        var whole = Message(call, call.Events, part: 0, parts: 1);
        var json = Serialize(whole);
        if (json.Length <= maxMessageBytes || call.Events is not { Count: > 1 } events)
        {
            return [new EncodedMessage(whole.Id, whole, json, json.Length > maxMessageBytes)];
        }

        var chunks = Split(call, events, maxMessageBytes);
        var messages = new List<EncodedMessage>(chunks.Count);
        for (var part = 0; part < chunks.Count; part++)
        {
            var message = Message(call, chunks[part], part, chunks.Count);
            var bytes = Serialize(message);
            messages.Add(new EncodedMessage(message.Id, message, bytes, bytes.Length > maxMessageBytes));
        }

        return messages;
    }

    public static byte[] Serialize(IngestMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, IngestJson.Default.IngestMessage);

    /// <summary>Packs events in order into chunks whose messages fit, measuring each event's JSON once.</summary>
    private static List<List<IngestEvent>> Split(ValidatedCall call, IReadOnlyList<IngestEvent> events, int maxMessageBytes)
    {
        // The envelope is measured with the largest part numbers it can carry, so that a real one is never larger.
        var envelope = Serialize(Message(call, [], part: events.Count, parts: events.Count)).Length;
        var budget = maxMessageBytes - envelope;
        var chunks = new List<List<IngestEvent>>();
        var current = new List<IngestEvent>();
        var size = 0;
        foreach (var ingestEvent in events)
        {
            var eventSize = JsonSerializer.SerializeToUtf8Bytes(ingestEvent, IngestJson.Default.IngestEvent).Length + 1;
            if (current.Count > 0 && size + eventSize > budget)
            {
                chunks.Add(current);
                current = [];
                size = 0;
            }

            current.Add(ingestEvent);
            size += eventSize;
        }

        chunks.Add(current);
        return chunks;
    }

    private static IngestMessage Message(ValidatedCall call, IReadOnlyList<IngestEvent>? events, int part, int parts) => new(
        V: IngestMessage.CurrentVersion,
        Id: $"{call.CallId}.{part}",
        CallId: call.CallId,
        Kind: call.Kind,
        ReceivedAt: call.ReceivedAt,
        SessionId: call.SessionId,
        Part: part,
        Parts: parts,
        Active: call.Active,
        UserId: call.UserId,
        Props: call.Props,
        Events: events);
}
