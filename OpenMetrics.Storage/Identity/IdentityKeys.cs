using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Keys of the <c>Identity</c> table. A session is its own partition (<c>s_{session}</c>, row <c>session</c>); a user
/// is a partition (<c>u_{user}</c>) holding the profile (row <c>profile</c>), a row per session of the user
/// (<c>s_{session}</c>) and a row per user merged into it (<c>a_{user}</c>).
/// </summary>
public static class IdentityKeys
{
    public const string SessionRow = "session";
    public const string ProfileRow = "profile";

    private const string SessionPrefix = "s_";
    private const string UserPrefix = "u_";
    private const string UserSessionPrefix = "s_";
    private const string AliasPrefix = "a_";

    /// <summary>Every session partition: they sort together, so all session rows are one range scan.</summary>
    public static readonly KeyRange SessionPartitions = KeyRange.StartingWith(SessionPrefix);

    /// <summary>Every user partition.</summary>
    public static readonly KeyRange UserPartitions = KeyRange.StartingWith(UserPrefix);

    /// <summary>The rows of a user partition that name its sessions.</summary>
    public static readonly KeyRange UserSessionRows = KeyRange.StartingWith(UserSessionPrefix);

    /// <summary>A user partition's alias rows and session rows in one range (the profile row sorts between them).</summary>
    public static readonly KeyRange UserLinkRows = KeyRange.Spanning(AliasPrefix, UserSessionPrefix);

    public static string SessionPartition(string sessionId) => SessionPrefix + KeyEncoding.KeyPart(sessionId);

    public static string UserPartition(string userKey) => UserPrefix + KeyEncoding.KeyPart(userKey);

    public static string UserSessionRow(string sessionId) => UserSessionPrefix + KeyEncoding.KeyPart(sessionId);

    public static string AliasRow(string userKey) => AliasPrefix + KeyEncoding.KeyPart(userKey);

    public static bool IsUserSessionRow(string rowKey) => rowKey.StartsWith(UserSessionPrefix, StringComparison.Ordinal);

    public static bool IsAliasRow(string rowKey) => rowKey.StartsWith(AliasPrefix, StringComparison.Ordinal);
}
