namespace OpenMetrics.Storage.Identity;

/// <summary>
/// The key a user is stored under. An identified user's key is their user id; the anonymous user that a new session
/// starts with is <c>$anon:{sessionId}</c> until setUserId names the session's user.
/// </summary>
public static class UserKeys
{
    public const string AnonymousPrefix = "$anon:";

    public static string Anonymous(string sessionId) => AnonymousPrefix + sessionId;

    public static bool IsAnonymous(string userKey) => userKey.StartsWith(AnonymousPrefix, StringComparison.Ordinal);
}
