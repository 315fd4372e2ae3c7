using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Events;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// What the system stored for one session, read through the same stores the queries use: its events in the order
/// they were delivered (call by call, then position in the call), the user it belongs to now, and the properties of
/// that user and of the session.
/// </summary>
public sealed record StoredSession(
    string SessionId,
    IReadOnlyList<StoredEvent> Events,
    string? UserKey,
    IReadOnlyDictionary<string, JsonElement> UserProps,
    IReadOnlyDictionary<string, JsonElement> SessionProps)
{
    public IReadOnlyList<string> EventNames => [.. Events.Select(e => e.Name)];

    public static async Task<StoredSession> ReadAsync(IServiceProvider services, string sessionId)
    {
        var identity = services.GetRequiredService<IdentityStore>();
        var stored = await services.GetRequiredService<EventStore>().ReadSessionAsync(sessionId, CancellationToken.None);
        var delivered = stored.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Seq).ToList();
        var session = await identity.ReadSessionAsync(sessionId, CancellationToken.None);
        if (session is null)
        {
            return new StoredSession(sessionId, delivered, null, Empty, Empty);
        }

        var userKey = await identity.ResolveAsync(session.GetString("UserKey"), CancellationToken.None);
        var profile = await identity.ReadProfileAsync(userKey, CancellationToken.None);
        return new StoredSession(sessionId, delivered, userKey, Props(profile is null ? null : EntityText.Read(profile, "Props")), Props(EntityText.Read(session, "Props")));
    }

    public override string ToString() =>
        $"session {SessionId}: events [{string.Join(", ", EventNames)}], user {UserKey}, " +
        $"user props {JsonSerializer.Serialize(UserProps)}, session props {JsonSerializer.Serialize(SessionProps)}";

    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    private static Dictionary<string, JsonElement> Props(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
