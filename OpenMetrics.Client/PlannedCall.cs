using System.Buffers;
using System.Text.Json;

namespace OpenMetrics.Client;

/// <summary>One request to the server: a batch of a session's events, or one props or user id call.</summary>
internal sealed class PlannedCall(string sessionId, string route)
{
    public string SessionId { get; } = sessionId;

    public string Route { get; } = route;

    public List<PendingCall> Items { get; } = [];

    /// <summary>The JSON of the items, roughly the body's size.</summary>
    public int Size { get; private set; }

    public void Add(PendingCall item)
    {
        Items.Add(item);
        Size += item.Json.Length + 1;
    }

    /// <summary>
    /// The v1 payload. <c>sentAt</c> is this try's own clock reading, so that the server's skew correction
    /// (receivedAt − sentAt) does not move a retried event by the time it spent waiting.
    /// </summary>
    public byte[] Body(DateTimeOffset sentAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sessionId", SessionId);
            if (Route == PendingCall.Events)
            {
                writer.WriteNumber("sentAt", sentAt.ToUnixTimeMilliseconds());
                writer.WriteStartArray("events");
                foreach (var item in Items)
                {
                    writer.WriteRawValue(item.Json, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WritePropertyName(Items[0].Field!);
                writer.WriteRawValue(Items[0].Json, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Halves of an events call the server found too large, in order.</summary>
    public (PlannedCall First, PlannedCall Second) Split()
    {
        var first = new PlannedCall(SessionId, Route);
        var second = new PlannedCall(SessionId, Route);
        for (var i = 0; i < Items.Count; i++)
        {
            (i < Items.Count / 2 ? first : second).Add(Items[i]);
        }

        return (first, second);
    }
}
