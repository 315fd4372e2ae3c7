using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Hosting;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// Whether a v1 call carries a valid write key, when the ingest requires one. A client may send it as the header
/// <c>x-openmetrics-write-key</c>, as <c>?key=</c> in the query string, or as the field <c>key</c> of the payload (the
/// one place a beacon or a GET pixel can always carry it). Keys are compared as SHA-256 digests in constant time, so
/// neither a key's length nor a common prefix leaks through timing.
/// </summary>
public sealed class WriteKeyCheck
{
    public const string Header = "x-openmetrics-write-key";

    /// <summary>The name of the key in the query string and in the payload alike.</summary>
    public const string Field = "key";

    /// <summary>Enough for the three places a client may put it; more candidates would only help guessing.</summary>
    private const int MaxPresented = 4;

    private readonly bool _required;
    private readonly byte[][] _digests;
    private readonly bool _unresolved;
    private readonly ILogger<WriteKeyCheck> _logger;

    public WriteKeyCheck(WriteKeyOptions options, ILogger<WriteKeyCheck> logger)
    {
        _required = options.RequireWriteKey;
        var configured = options.WriteKeys.Where(key => !string.IsNullOrWhiteSpace(key)).ToList();
        _unresolved = configured.Any(KeyVaultReference.IsUnresolved);
        _digests = configured.Where(key => !KeyVaultReference.IsUnresolved(key)).Select(Digest).ToArray();
        _logger = logger;
    }

    /// <summary>Null when the call may go on; otherwise why not: 401 for a missing or wrong key, 503 while the keys are not readable.</summary>
    public IngestRejection? Check(HttpRequest request, JsonElement payload)
    {
        if (!_required)
        {
            return null;
        }

        var presented = Presented(request, payload);
        var matched = false;
        foreach (var candidate in presented)
        {
            var digest = Digest(candidate);
            foreach (var key in _digests)
            {
                matched |= CryptographicOperations.FixedTimeEquals(digest, key);
            }
        }

        if (matched)
        {
            return null;
        }

        // A 401 is final for a client (it drops the call), so while a key cannot be read the answer is "retry later":
        // the key this call carries may well be the one that is not readable yet.
        if (_unresolved || _digests.Length == 0)
        {
            var reason = _unresolved
                ? "a write key is still an unresolved Key Vault reference"
                : "RequireWriteKey is on but no write key is set (OpenMetrics:Ingest:WriteKeys)";
            IngestLog.WriteKeysUnavailable(_logger, reason);
            return IngestRejection.Unavailable("the ingest cannot check write keys right now; nothing was stored, retry later", IngestService.RetryAfterSeconds);
        }

        return IngestRejection.Unauthorized(presented.Count == 0
            ? $"the write key is missing: send it as the header {Header}, as ?{Field}= or as the payload field \"{Field}\""
            : "the write key is not valid", Field);
    }

    private static List<string> Presented(HttpRequest request, JsonElement payload)
    {
        var presented = new List<string>(MaxPresented);
        presented.AddRange(request.Headers[Header].Where(value => !string.IsNullOrEmpty(value)).Take(1)!);
        if (payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty(Field, out var field) && field.ValueKind == JsonValueKind.String
            && field.GetString() is { Length: > 0 } inPayload)
        {
            presented.Add(inPayload);
        }

        // The framework splits the raw query string at every '&', so an unencoded q holding "&key=" yields one more
        // value; any of them may be the key.
        presented.AddRange(request.Query[Field].Where(value => !string.IsNullOrEmpty(value)).Take(MaxPresented - presented.Count)!);
        return presented;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
