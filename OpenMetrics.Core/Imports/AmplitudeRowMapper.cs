using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// Amplitude's export (one JSON object a line, in the files of its Export API) or an event of its HTTP API:
/// <c>event_type</c>, <c>user_id</c> and/or <c>device_id</c>, <c>event_time</c> ("2024-01-05 10:00:00.123000", UTC) or
/// <c>time</c> (ms), <c>$insert_id</c> (export) or <c>insert_id</c> (HTTP API), <c>event_properties</c>,
/// <c>user_properties</c>. A row with a device and no user is an anonymous user that a later row with both names.
/// </summary>
internal static class AmplitudeRowMapper
{
    public static ImportFields Read(JsonElement record)
    {
        string? error = null;
        var eventTime = ImportJson.Get(record, "event_time");
        var insertField = ImportJson.Get(record, "insert_id") is null && ImportJson.Get(record, "$insert_id") is not null ? "$insert_id" : "insert_id";
        return new ImportFields
        {
            Name = ImportJson.Get(record, "event_type"),
            NameField = "event_type",
            Time = eventTime ?? ImportJson.Get(record, "time"),
            TimeField = eventTime is null && ImportJson.Get(record, "time") is not null ? "time" : "event_time",
            UserId = ImportJson.Text(ImportJson.Get(record, "user_id"), "user_id", ref error),
            UserIdField = "user_id",
            DeviceId = ImportJson.Text(ImportJson.Get(record, "device_id"), "device_id", ref error),
            DeviceIdField = "device_id",
            IdentityField = "user_id or device_id",
            InsertId = ImportJson.Text(ImportJson.Get(record, insertField), insertField, ref error),
            InsertIdField = insertField,
            Props = ImportJson.Get(record, "event_properties"),
            PropsField = "event_properties",
            UserProps = ImportJson.Get(record, "user_properties"),
            UserPropsField = "user_properties",
            Refusal = error,
        };
    }
}
