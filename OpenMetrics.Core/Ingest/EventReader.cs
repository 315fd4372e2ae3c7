using System.Buffers;
using System.Text.Json;
using OpenMetrics.Core.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>Reads one element of a batch's <c>events</c> array into an <see cref="IngestEvent"/>, or says why not.</summary>
internal sealed class EventReader(IngestLimits limits, string callId, DateTimeOffset receivedAt, TimeSpan clockCorrection)
{
    public (IngestEvent? Event, EventRejection? Rejection) Read(JsonElement element, int index)
    {
        var prefix = $"events[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Refuse(index, $"{prefix} must be a JSON object, not {PayloadJson.Describe(element.ValueKind)}", prefix, null);
        }

        if (UnicodeCheck.Find(element, prefix) is { } invalid)
        {
            return Refuse(index, invalid.Error, invalid.Field, null);
        }

        var (name, nameError) = PayloadFields.Id(PayloadFields.Optional(element, "name"), $"{prefix}.name", limits.MaxNameLength);
        if (name is null)
        {
            return Refuse(index, nameError!, $"{prefix}.name", null);
        }

        var props = PayloadFields.Optional(element, "props");
        if (props is { } given && PropsValidator.Check(given, limits, $"{prefix}.props") is { } propsError)
        {
            return Refuse(index, propsError, $"{prefix}.props", name);
        }

        var (active, activeError) = PayloadFields.Active(element, $"{prefix}.options.active");
        if (activeError is not null)
        {
            return Refuse(index, activeError, $"{prefix}.options.active", name);
        }

        var id = $"{callId}:{index}";
        if (PayloadFields.Optional(element, "id") is { } clientId)
        {
            var (value, idError) = PayloadFields.Id(clientId, $"{prefix}.id", limits.MaxEventIdLength);
            if (value is null)
            {
                return Refuse(index, idError!, $"{prefix}.id", name);
            }

            id = value;
        }

        var ts = receivedAt;
        if (PayloadFields.Optional(element, "ts") is { } rawTs)
        {
            var (clientTs, tsError) = ClientTimestamp.Read(rawTs, $"{prefix}.ts");
            if (tsError is null)
            {
                (clientTs, tsError) = ClientTimestamp.Shift(clientTs, clockCorrection, $"{prefix}.ts");
            }

            if (tsError is not null)
            {
                return Refuse(index, tsError, $"{prefix}.ts", name);
            }

            // A clock far ahead would put the event where no query looks; keep it at arrival and keep the client's value.
            if (clientTs > receivedAt + limits.MaxClockAhead)
            {
                props = WithClientTs(props, rawTs);
            }
            else
            {
                ts = clientTs;
            }
        }

        return (new IngestEvent(id, name, ts, index, props, active ?? true), null);
    }

    private static (IngestEvent?, EventRejection?) Refuse(int index, string error, string field, string? name) =>
        (null, new EventRejection(index, error, field, name));

    private static JsonElement WithClientTs(JsonElement? props, JsonElement rawTs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (props is { } existing)
            {
                foreach (var property in existing.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }

            writer.WritePropertyName("$clientTs");
            rawTs.WriteTo(writer);
            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize(buffer.WrittenSpan, PayloadElementJson.Default.JsonElement);
    }
}
