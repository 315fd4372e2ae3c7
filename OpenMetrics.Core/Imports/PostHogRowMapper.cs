using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// PostHog's event export: <c>event</c>, <c>distinct_id</c>, <c>timestamp</c> (ISO-8601), <c>uuid</c> and
/// <c>properties</c>; <c>properties.$set</c> are the person properties the event set, kept as user props and taken
/// out of the event's props.
/// </summary>
internal static class PostHogRowMapper
{
    public static ImportFields Read(JsonElement record)
    {
        string? error = null;
        var properties = ImportJson.Get(record, "properties");
        if (properties is { ValueKind: not JsonValueKind.Object })
        {
            error = $"properties must be a JSON object, not {PayloadJson.Describe(properties.Value.ValueKind)}";
            properties = null;
        }

        return new ImportFields
        {
            Name = ImportJson.Get(record, "event"),
            NameField = "event",
            Time = ImportJson.Get(record, "timestamp"),
            TimeField = "timestamp",
            UserId = ImportJson.Text(ImportJson.Get(record, "distinct_id"), "distinct_id", ref error),
            UserIdField = "distinct_id",
            IdentityField = "distinct_id",
            InsertId = ImportJson.Text(ImportJson.Get(record, "uuid"), "uuid", ref error),
            InsertIdField = "uuid",
            Props = properties is { } value ? ImportJson.Without(value, "$set") : null,
            PropsField = "properties",
            UserProps = properties is { } set ? ImportJson.Get(set, "$set") : null,
            UserPropsField = "properties.$set",
            Refusal = error,
        };
    }
}
