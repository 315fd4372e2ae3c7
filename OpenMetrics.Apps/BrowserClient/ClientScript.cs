using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;

namespace OpenMetrics.Apps.BrowserClient;

/// <summary>
/// Serves the browser client (<c>client.js</c>, embedded in this assembly so that both hosts serve the same bytes) at
/// <c>/apis/javascript/client.js</c>, where the original server had it. Any site may load it, so the answer allows any
/// origin and cross-origin embedding; it is cached for an hour and revalidated by ETag, so a fix reaches pages within
/// the hour; and it is sent gzipped to browsers that accept it (most of the bytes a page pays for it).
/// </summary>
public sealed class ClientScript
{
    public const string ContentType = "text/javascript; charset=utf-8";
    public const string CacheControl = "public, max-age=3600";

    private readonly byte[] _plain;
    private readonly byte[] _gzipped;

    private ClientScript(byte[] plain)
    {
        _plain = plain;
        _gzipped = Gzip(plain);
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(plain))[..16] + "\"";
    }

    /// <summary>The script as stored in the assembly.</summary>
    public static ClientScript Embedded { get; } = new(ReadResource());

    public ReadOnlyMemory<byte> Plain => _plain;

    public ReadOnlyMemory<byte> Gzipped => _gzipped;

    public string ETag { get; }

    public HttpAnswer Serve(HttpRequest request)
    {
        if (Matches(request.Headers.IfNoneMatch))
        {
            return Headers(HttpAnswer.Empty(304));
        }

        var gzip = request.Headers.AcceptEncoding.Any(value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        var answer = HttpAnswer.Bytes(200, ContentType, gzip ? _gzipped : _plain);
        return gzip ? Headers(answer).WithHeader("Content-Encoding", "gzip") : Headers(answer);
    }

    /// <summary>If-None-Match holds one or more tags, comma-separated, possibly weak (<c>W/"..."</c>), or <c>*</c>.</summary>
    private bool Matches(IEnumerable<string?> ifNoneMatch) => ifNoneMatch
        .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == ETag);

    private HttpAnswer Headers(HttpAnswer answer) => answer
        .AllowAnyOrigin()
        .WithHeader("Cache-Control", CacheControl)
        .WithHeader("ETag", ETag)
        .WithHeader("Vary", "Accept-Encoding")
        .WithHeader("X-Content-Type-Options", "nosniff")
        // Pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load it from the ingest host.
        .WithHeader("Cross-Origin-Resource-Policy", "cross-origin");

    private static byte[] ReadResource()
    {
        using var stream = typeof(ClientScript).Assembly.GetManifestResourceStream("OpenMetrics.BrowserClient.client.js")
            ?? throw new InvalidOperationException("client.js is not embedded in OpenMetrics.Core.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(plain);
        }

        return output.ToArray();
    }
}
