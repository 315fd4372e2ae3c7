using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// Mixpanel's export line: <c>{"event", "properties": {"time", "distinct_id", "$insert_id", …}}</c>; <c>time</c> in
/// seconds (the raw export) or milliseconds. With Mixpanel's simplified ID merge an event carries <c>$user_id</c>
/// and/or <c>$device_id</c>, and an anonymous <c>distinct_id</c> is <c>$device:</c> followed by the device id: the
/// user is <c>$user_id</c>, else a distinct_id that is not a device's; the device is <c>$device_id</c>, else the
/// device a <c>$device:</c> distinct_id names. A CSV export may flatten the properties to the top level; both read.
/// </summary>
internal static class MixpanelRowMapper
{
    private const string DevicePrefix = "$device:";

    public static ImportFields Read(JsonElement record)
    {
        string? error = null;
        var nested = ImportJson.Get(record, "properties");
        if (nested is { ValueKind: not JsonValueKind.Object })
        {
            error = $"properties must be a JSON object, not {PayloadJson.Describe(nested.Value.ValueKind)}";
        }

        var properties = nested is { ValueKind: JsonValueKind.Object } ? nested.Value : ImportJson.Without(record, "event");
        var prefix = nested is null ? "" : "properties.";
        var distinctId = ImportJson.Text(ImportJson.Get(properties, "distinct_id"), prefix + "distinct_id", ref error);
        var userId = ImportJson.Text(ImportJson.Get(properties, "$user_id"), prefix + "$user_id", ref error);
        var deviceId = ImportJson.Text(ImportJson.Get(properties, "$device_id"), prefix + "$device_id", ref error);
        var anonymous = distinctId is not null && (distinctId.StartsWith(DevicePrefix, StringComparison.Ordinal) || distinctId == deviceId);
        return new ImportFields
        {
            Name = ImportJson.Get(record, "event"),
            NameField = "event",
            Time = ImportJson.Get(properties, "time"),
            TimeField = prefix + "time",
            UserId = userId ?? (anonymous ? null : distinctId),
            UserIdField = userId is null ? prefix + "distinct_id" : prefix + "$user_id",
            DeviceId = deviceId ?? (anonymous ? distinctId![DevicePrefix.Length..] : null),
            DeviceIdField = deviceId is null ? prefix + "distinct_id" : prefix + "$device_id",
            IdentityField = prefix + "distinct_id",
            InsertId = ImportJson.Text(ImportJson.Get(properties, "$insert_id"), prefix + "$insert_id", ref error),
            InsertIdField = prefix + "$insert_id",
            Props = ImportJson.Without(properties, "time", "distinct_id", "$insert_id", "$user_id", "$device_id"),
            PropsField = "properties",
            Refusal = error,
        };
    }
}
