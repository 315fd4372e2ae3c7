using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// What a format's mapper found in one record, before the rules every format shares (<see cref="ImportEventBuilder"/>).
/// Each value carries the field name it came from, so that a refusal names the field as the file spells it.
/// </summary>
internal sealed record ImportFields
{
    public JsonElement? Name { get; init; }

    public required string NameField { get; init; }

    public JsonElement? Time { get; init; }

    public required string TimeField { get; init; }

    public string? UserId { get; init; }

    public string UserIdField { get; init; } = "userId";

    public string? DeviceId { get; init; }

    public string DeviceIdField { get; init; } = "device_id";

    public string? SessionId { get; init; }

    /// <summary>The field(s) an identity comes from, for "distinct_id is missing".</summary>
    public required string IdentityField { get; init; }

    public string? InsertId { get; init; }

    public string InsertIdField { get; init; } = "insert id";

    public JsonElement? Props { get; init; }

    public string PropsField { get; init; } = "properties";

    public JsonElement? UserProps { get; init; }

    public string UserPropsField { get; init; } = "user properties";

    public bool Active { get; init; } = true;

    /// <summary>A refusal the format's mapper found itself (an id that is not a string, properties that are not an object).</summary>
    public string? Refusal { get; init; }
}
