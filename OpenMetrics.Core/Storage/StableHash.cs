using System.Security.Cryptography;
using System.Text;

namespace OpenMetrics.Core.Storage;

/// <summary>
/// Hashes that are the same in every process and on every machine (string.GetHashCode is not), for shard numbers
/// and for row keys that must be the same when a message is processed again.
/// </summary>
public static class StableHash
{
    /// <summary>A shard in [0, shards) for a key, spreading one hot key's neighbours over several partitions.</summary>
    public static int Shard(string key, int shards)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (int)(BitConverter.ToUInt32(hash) % (uint)shards);
    }

    /// <summary>128 bits of SHA-256 as 32 hex characters: collisions are not a practical concern.</summary>
    public static string Hex128(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
