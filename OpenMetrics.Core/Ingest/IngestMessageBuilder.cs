using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>
/// Turns a validated call into queue messages. Most calls are one message; a batch whose JSON is larger than a
/// queue message is split by events into parts, and a part that is still too large (one huge event, or huge props)
/// is marked for a claim check: its JSON goes to a blob. Nothing is refused for its size here.
/// </summary>
public static class IngestMessageBuilder
{
    /// <summary>
    /// A queue message holds 64 KiB after Base64 (the Functions queue trigger's encoding), that is 48 KiB of JSON;
    /// a little is kept back for the queue's own envelope.
    /// </summary>
    public const int MaxMessageBytes = 48 * 1024 - 512;

    private static readonly byte[] EventsOpening = ""","events":["""u8.ToArray();

    public static IReadOnlyList<EncodedMessage> Build(ValidatedCall call, int maxMessageBytes = MaxMessageBytes)
    {
        if (call.Events is not { } events)
        {
            var message = Message(call, null, part: 0, parts: 1);
            var json = Serialize(message);
            return [new EncodedMessage(message.Id, message, json, json.Length > maxMessageBytes)];
        }

        // Each event is serialized once; parts are then assembled from those bytes.
        var encoded = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            encoded[i] = JsonSerializer.SerializeToUtf8Bytes(events[i], IngestJson.Default.IngestEvent);
        }

        var chunks = Pack(encoded, maxMessageBytes - WorstCaseEnvelopeBytes(call, events.Count));
        var messages = new List<EncodedMessage>(chunks.Count);
        for (var part = 0; part < chunks.Count; part++)
        {
            var (start, count) = chunks[part];
            var message = Message(call, events.Skip(start).Take(count).ToArray(), part, chunks.Count);
            var json = WithEvents(Serialize(message with { Events = null }), encoded.AsSpan(start, count));
            messages.Add(new EncodedMessage(message.Id, message, json, json.Length > maxMessageBytes));
        }

        return messages;
    }

    public static byte[] Serialize(IngestMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, IngestJson.Default.IngestMessage);

    /// <summary>Packs events in order into runs whose JSON fits the budget; an event larger than the budget is a run of its own.</summary>
    private static List<(int Start, int Count)> Pack(byte[][] encoded, int budget)
    {
        var chunks = new List<(int, int)>();
        int start = 0, size = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var eventSize = encoded[i].Length + 1;
            if (i > start && size + eventSize > budget)
            {
                chunks.Add((start, i - start));
                (start, size) = (i, 0);
            }

            size += eventSize;
        }

        chunks.Add((start, encoded.Length - start));
        return chunks;
    }

    /// <summary>The envelope with the largest part numbers it can carry, and the events array's brackets.</summary>
    private static int WorstCaseEnvelopeBytes(ValidatedCall call, int eventCount) =>
        Serialize(Message(call, null, part: eventCount, parts: eventCount)).Length + EventsOpening.Length + 1;

    /// <summary>Splices <c>,"events":[...]</c> in before the envelope's closing brace.</summary>
    private static byte[] WithEvents(byte[] envelope, ReadOnlySpan<byte[]> events)
    {
        var length = envelope.Length + EventsOpening.Length + 1;
        foreach (var item in events)
        {
            length += item.Length + 1;
        }

        var json = new byte[length - 1];
        var position = envelope.Length - 1;
        envelope.AsSpan(0, position).CopyTo(json);
        EventsOpening.CopyTo(json, position);
        position += EventsOpening.Length;
        for (var i = 0; i < events.Length; i++)
        {
            if (i > 0)
            {
                json[position++] = (byte)',';
            }

            events[i].CopyTo(json, position);
            position += events[i].Length;
        }

        json[position++] = (byte)']';
        json[position] = (byte)'}';
        return json;
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
