using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// A user's profile (docs/query.md: <c>userId</c>, <c>props</c>, <c>firstSeen</c>, <c>lastSeen</c>, <c>sessions</c>,
/// <c>eventCount</c>). First and last seen span the user's sessions; sessions come most recently seen first.
/// </summary>
/// <param name="MergedFrom">The id asked for when it was merged into this user; null when asked for this user's own id.</param>
/// <param name="MergedUsers">Users merged into this one (anonymous session users included): their ids now answer for this user.</param>
public sealed record UserProfile(
    string UserId,
    JsonObject Props,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<UserSession> Sessions,
    long EventCount,
    bool Anonymous,
    string? MergedFrom,
    IReadOnlyList<string> MergedUsers);
