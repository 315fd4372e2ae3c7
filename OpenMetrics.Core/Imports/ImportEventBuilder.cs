using System.Text.Json;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// The rules every format shares once its fields are found: the limits of live events (name length, props via
/// <see cref="PropsValidator"/>, id lengths), the time rules of <see cref="ClientTimestamp"/> with a time in the future
/// refused rather than moved to now (a history file has no "now" to fall back to), and the insert id.
/// </summary>
internal static class ImportEventBuilder
{
    public static ImportedRow Build(long line, ImportFields fields, IngestLimits limits, DateTimeOffset now)
    {
        if (fields.Refusal is not null)
        {
            return new ImportedRow(line, null, fields.Refusal);
        }

        var refusal = Check(fields, limits, now, out var name, out var ts);
        if (refusal is not null)
        {
            return new ImportedRow(line, null, refusal);
        }

        var insertId = fields.InsertId ?? HashedInsertId(fields, name!, ts);
        return new ImportedRow(line, new ImportedEvent(
            fields.UserId, fields.DeviceId, fields.SessionId, name!, ts, insertId, fields.Props, fields.UserProps, fields.Active), null);
    }

    /// <summary>
    /// user + name + time + props, hashed: the same row hashes the same in every import (props in canonical form, so
    /// key order does not matter), two different rows almost never do.
    /// </summary>
    internal static string HashedInsertId(ImportFields fields, string name, DateTimeOffset ts)
    {
        var user = fields.UserId ?? fields.DeviceId ?? fields.SessionId;
        return StableHash.Hex128($"{user}\n{name}\n{ts.ToUnixTimeMilliseconds()}\n{CanonicalJson.Write(fields.Props)}");
    }

    private static string? Check(ImportFields fields, IngestLimits limits, DateTimeOffset now, out string? name, out DateTimeOffset ts)
    {
        name = null;
        ts = default;
        if (fields.Name is not { ValueKind: JsonValueKind.String } nameValue || string.IsNullOrEmpty(nameValue.GetString()))
        {
            return fields.Name is null ? $"{fields.NameField} is missing" : $"{fields.NameField} must be a non-empty string";
        }

        name = nameValue.GetString()!;
        if (name.Length > limits.MaxNameLength)
        {
            return $"{fields.NameField} is {name.Length} characters long; the limit is {limits.MaxNameLength}";
        }

        if (fields.Time is not { } time)
        {
            return $"{fields.TimeField} is missing";
        }

        (ts, var timeError) = ClientTimestamp.Read(time, fields.TimeField);
        if (timeError is not null)
        {
            return timeError;
        }

        if (ts > now + limits.MaxClockAhead)
        {
            return $"{fields.TimeField} is in the future ({ts:yyyy-MM-dd HH:mm:ss} UTC, more than {limits.MaxClockAhead.TotalHours:0} hours ahead of the server clock)";
        }

        return CheckIdentity(fields, limits)
            ?? CheckLength(fields.InsertId, fields.InsertIdField, limits.MaxEventIdLength)
            ?? CheckProps(fields.Props, fields.PropsField, limits)
            ?? CheckProps(fields.UserProps, fields.UserPropsField, limits);
    }

    private static string? CheckIdentity(ImportFields fields, IngestLimits limits)
    {
        if (fields.UserId is null && fields.DeviceId is null && fields.SessionId is null)
        {
            return $"{fields.IdentityField} is missing";
        }

        return CheckLength(fields.UserId, fields.UserIdField, limits.MaxIdLength)
            ?? CheckLength(fields.DeviceId, fields.DeviceIdField, limits.MaxIdLength)
            ?? CheckLength(fields.SessionId, "sessionId", limits.MaxIdLength);
    }

    private static string? CheckLength(string? value, string field, int limit) =>
        value is not null && value.Length > limit ? $"{field} is {value.Length} characters long; the limit is {limit}" : null;

    private static string? CheckProps(JsonElement? props, string field, IngestLimits limits) =>
        props is { } value ? PropsValidator.Check(value, limits, field) : null;
}
