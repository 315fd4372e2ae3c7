using System.Text.Json;
using OpenMetrics.Core.Identity;
using OpenMetrics.Core.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>
/// Validates a parsed v1 payload against docs/api-v1.md: the fields each call needs, their types and the limits.
/// A bad event in a batch refuses that event only; anything else refuses the whole call.
/// </summary>
public sealed class CallValidator(IngestLimits limits)
{
    public CallValidation Validate(V1Call kind, JsonElement payload, string callId, DateTimeOffset receivedAt)
    {
        // The events are checked one by one, in EventReader: a bad event refuses only itself.
        if (UnicodeCheck.Find(payload, "", except: "events") is { } invalid)
        {
            return Refuse(invalid.Error, invalid.Field);
        }

        var (sessionId, sessionError) = PayloadFields.Id(PayloadFields.Optional(payload, "sessionId"), "sessionId", limits.MaxIdLength);
        if (sessionId is null)
        {
            return Refuse(sessionError!, "sessionId");
        }

        var call = new ValidatedCall(kind, callId, receivedAt, sessionId, null, null, null, null, []);
        return kind switch
        {
            V1Call.CreateUser => ValidateCreateUser(payload, call),
            V1Call.Events => ValidateEvents(payload, call),
            V1Call.SetUserId => ValidateSetUserId(payload, call),
            V1Call.SetUserProps or V1Call.SetSessionProps => ValidateProps(payload, call),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "ping carries no payload"),
        };
    }

    private static CallValidation ValidateCreateUser(JsonElement payload, ValidatedCall call)
    {
        var (active, error) = PayloadFields.Active(payload, "options.active");
        return error is null
            ? CallValidation.Accepted(call with { Active = active ?? true })
            : Refuse(error, "options.active");
    }

    private CallValidation ValidateSetUserId(JsonElement payload, ValidatedCall call)
    {
        // The original clients send the id as "uid"; newer ones as "userId".
        var field = payload.TryGetProperty("userId", out _) ? "userId" : "uid";
        var raw = PayloadFields.Optional(payload, field);
        if (raw is null)
        {
            return Refuse("userId is missing (send it as userId or uid)", "userId");
        }

        var (userId, error) = PayloadFields.Id(raw, field, limits.MaxIdLength, allowNumber: true);
        return userId is null ? Refuse(error!, field) : CallValidation.Accepted(call with { UserId = userId });
    }

    private CallValidation ValidateProps(JsonElement payload, ValidatedCall call)
    {
        if (PayloadFields.Optional(payload, "props") is not { } props)
        {
            return Refuse("props is missing", "props");
        }

        var error = PropsValidator.Check(props, limits, "props") ?? ProfileCapError(props, call.ReceivedAt);
        return error is null ? CallValidation.Accepted(call with { Props = props }) : Refuse(error, "props");
    }

    /// <summary>Props that could not fit even an empty profile: the aggregator would have to leave some out, so they are refused now.</summary>
    private static string? ProfileCapError(JsonElement props, DateTimeOffset receivedAt)
    {
        var keys = props.EnumerateObject().Count();
        if (keys > ProfileCap.MaxKeys)
        {
            return $"props has {keys} keys; a profile holds at most {ProfileCap.MaxKeys}";
        }

        var bytes = LatestWriteWins.StoredBytesAlone(props, receivedAt.UtcTicks);
        return bytes > ProfileCap.MaxBytes ? $"props would take {bytes} bytes of a profile as stored; a profile holds at most {ProfileCap.MaxBytes}" : null;
    }

    private CallValidation ValidateEvents(JsonElement payload, ValidatedCall call)
    {
        if (PayloadFields.Optional(payload, "events") is not { } events)
        {
            return Refuse("events is missing", "events");
        }

        if (events.ValueKind != JsonValueKind.Array)
        {
            return Refuse($"events must be an array, not {PayloadJson.Describe(events.ValueKind)}", "events");
        }

        var count = events.GetArrayLength();
        if (count == 0)
        {
            return Refuse("events is empty", "events");
        }

        if (count > limits.MaxEventsPerCall)
        {
            return Refuse($"events has {count} items; the limit is {limits.MaxEventsPerCall} a call", "events");
        }

        var correction = TimeSpan.Zero;
        if (PayloadFields.Optional(payload, "sentAt") is { } rawSentAt)
        {
            var (sentAt, error) = ClientTimestamp.Read(rawSentAt, "sentAt");
            if (error is not null)
            {
                return Refuse(error, "sentAt");
            }

            correction = call.ReceivedAt - sentAt;
        }

        var reader = new EventReader(limits, call.CallId, call.ReceivedAt, correction);
        var accepted = new List<IngestEvent>(count);
        var rejected = new List<EventRejection>();
        var index = 0;
        foreach (var element in events.EnumerateArray())
        {
            var (ingestEvent, rejection) = reader.Read(element, index++);
            if (ingestEvent is not null)
            {
                accepted.Add(ingestEvent);
            }
            else
            {
                rejected.Add(rejection!);
            }
        }

        if (accepted.Count == 0)
        {
            var first = rejected[0];
            return CallValidation.Refused(IngestRejection.BadRequest(first.Error, first.Field), rejected);
        }

        return CallValidation.Accepted(call with { Events = accepted, Rejected = rejected });
    }

    private static CallValidation Refuse(string error, string field) =>
        CallValidation.Refused(IngestRejection.BadRequest(error, field));
}
