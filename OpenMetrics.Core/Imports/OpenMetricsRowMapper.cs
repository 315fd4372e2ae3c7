using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// Our own v1 event (docs/api-v1.md: <c>name</c>, <c>props</c>?, <c>ts</c>, <c>id</c>?, <c>options.active</c>?) with the
/// <c>sessionId</c> or <c>userId</c> it belongs to, and optional <c>userProps</c>: a file another OpenMetrics
/// deployment, or a team's own event log, wrote.
/// </summary>
internal static class OpenMetricsRowMapper
{
    public static ImportFields Read(JsonElement record)
    {
        string? error = null;
        var active = ImportJson.Get(record, "options") is { } options ? ImportJson.Get(options, "active") : null;
        if (active is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) })
        {
            error = "options.active must be true or false";
        }

        return new ImportFields
        {
            Name = ImportJson.Get(record, "name"),
            NameField = "name",
            Time = ImportJson.Get(record, "ts"),
            TimeField = "ts",
            UserId = ImportJson.Text(ImportJson.Get(record, "userId"), "userId", ref error),
            UserIdField = "userId",
            SessionId = ImportJson.Text(ImportJson.Get(record, "sessionId"), "sessionId", ref error),
            IdentityField = "sessionId or userId",
            InsertId = ImportJson.Text(ImportJson.Get(record, "id"), "id", ref error),
            InsertIdField = "id",
            Props = ImportJson.Get(record, "props"),
            PropsField = "props",
            UserProps = ImportJson.Get(record, "userProps"),
            UserPropsField = "userProps",
            Active = active?.ValueKind != JsonValueKind.False,
            Refusal = error,
        };
    }
}
