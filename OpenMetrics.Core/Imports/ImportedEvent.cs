using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// One event of an import file in our model, whatever tool wrote it. At least one of <see cref="UserId"/>,
/// <see cref="DeviceId"/> and <see cref="SessionId"/> is set.
/// </summary>
/// <param name="UserId">The identified user (Mixpanel <c>distinct_id</c>, Amplitude <c>user_id</c>, PostHog <c>distinct_id</c>, ours <c>userId</c>).</param>
/// <param name="DeviceId">Amplitude's <c>device_id</c>: an anonymous user until a row names its <c>user_id</c>.</param>
/// <param name="SessionId">Our own format's <c>sessionId</c>, when the file came from OpenMetrics.</param>
/// <param name="InsertId">The tool's own event id, or a hash of user, name, time and props when it has none: a re-import counts once.</param>
/// <param name="UserProps">Properties of the user at <see cref="Ts"/> (Amplitude <c>user_properties</c>, PostHog <c>$set</c>), or null.</param>
public sealed record ImportedEvent(
    string? UserId,
    string? DeviceId,
    string? SessionId,
    string Name,
    DateTimeOffset Ts,
    string InsertId,
    JsonElement? Props,
    JsonElement? UserProps,
    bool Active = true);
