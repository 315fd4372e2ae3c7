using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Hosting;

namespace OpenMetrics.Apps.Query.Access;

/// <summary>
/// The key every <c>/api/*</c> call carries (docs/query.md, "Access"): header <c>x-openmetrics-key</c> or
/// <c>Authorization: Bearer</c>. Compared as SHA-256 digests in constant time, so neither the length nor a common
/// prefix of the key leaks through timing.
/// </summary>
public sealed class QueryKey
{
    /// <summary>The app setting (a Key Vault reference in Azure) and the local host's environment variable.</summary>
    public const string Setting = "OPENMETRICS_QUERY_KEY";

    public const string Header = "x-openmetrics-key";

    private readonly byte[] _digest;

    public QueryKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (KeyVaultReference.IsUnresolved(key))
        {
            throw new ArgumentException("An unresolved Key Vault reference is not a key.", nameof(key));
        }

        Value = key;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public string Value { get; }

    /// <summary>A new random key: 32 URL-safe characters, for a local host started without one.</summary>
    public static QueryKey Generate() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'));

    /// <summary>The key a call presents: header <see cref="Header"/>, else a bearer token; empty for none.</summary>
    public static string Presented(HttpRequest request)
    {
        var presented = request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            var authorization = request.Headers.Authorization.ToString();
            const string bearer = "Bearer ";
            if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            {
                presented = authorization[bearer.Length..].Trim();
            }
        }

        return presented;
    }

    public bool Matches(string presented) =>
        presented.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _digest);
}
