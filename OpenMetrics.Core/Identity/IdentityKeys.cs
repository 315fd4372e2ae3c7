using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Identity;

/// <summary>
/// Keys of the <c>Identity</c> table. A session is its own partition (<c>s_{session}</c>, row <c>session</c>); a user
/// is a partition (<c>u_{user}</c>) holding the profile (row <c>profile</c>), a row per session of the user
/// (<c>s_{session}</c>) and a row per user merged into it (<c>a_{user}</c>).
/// </summary>
public static class IdentityKeys
{
    public const string SessionRow = "session";
    public const string ProfileRow = "profile";

    public static string SessionPartition(string sessionId) => "s_" + KeyEncoding.KeyPart(sessionId);

    public static string UserPartition(string userKey) => "u_" + KeyEncoding.KeyPart(userKey);

    public static string UserSessionRow(string sessionId) => "s_" + KeyEncoding.KeyPart(sessionId);

    public static string AliasRow(string userKey) => "a_" + KeyEncoding.KeyPart(userKey);
}
