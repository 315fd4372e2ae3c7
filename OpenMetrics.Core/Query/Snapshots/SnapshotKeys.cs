using System.Security.Cryptography;
using System.Text;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>
/// Partition keys of the <c>Snapshots</c> table: <c>{kind}_{id}</c> for a saved funnel or retention, and
/// <c>adhoc_{hash}</c> for an ad-hoc query, the hash of its request body (the same body asks the same question).
/// </summary>
public static class SnapshotKeys
{
    public const string AdhocPrefix = "adhoc_";

    public static string Saved(SavedKind kind, string id) => $"{kind.Name}_{id}";

    public static string Adhoc(SavedKind kind, string body) => $"{AdhocPrefix}{kind.Name}_{Hash(body)}";

    /// <summary>SHA-256 as lower-case hex: of a definition's JSON text, to tell whether a snapshot still belongs to it.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
