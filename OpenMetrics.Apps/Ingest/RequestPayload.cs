using System.Buffers;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// Takes a v1 call's JSON payload out of an HTTP request: the body of a POST (application/json, or text/plain as
/// <c>navigator.sendBeacon</c> sends it), else <c>q</c> in the raw query string.
/// </summary>
internal static class RequestPayload
{
    public static async Task<PayloadRead> ReadAsync(HttpRequest request, IngestLimits limits, CancellationToken cancellationToken)
    {
        var rawQuery = request.QueryString.Value ?? "";
        if (rawQuery.Length > limits.MaxQueryStringBytes)
        {
            return PayloadRead.Refused(IngestRejection.TooLarge(
                $"the query string is {rawQuery.Length} bytes; the limit is {limits.MaxQueryStringBytes}: POST large calls instead"));
        }

        if (HttpMethods.IsPost(request.Method))
        {
            if (!IsAcceptedContentType(request.ContentType))
            {
                return PayloadRead.Refused(IngestRejection.UnsupportedMediaType(
                    $"Content-Type {request.ContentType} is not accepted: send application/json or text/plain"));
            }

            var (body, tooLarge) = await ReadBodyAsync(request, limits.MaxBodyBytes, cancellationToken);
            if (tooLarge)
            {
                return PayloadRead.Refused(IngestRejection.TooLarge($"the body is larger than the limit of {limits.MaxBodyBytes} bytes"));
            }

            // An empty POST may still carry its payload in ?q=, as a GET does.
            if (body.Length > 0 || !rawQuery.Contains("q=", StringComparison.Ordinal))
            {
                return body.Length == 0
                    ? PayloadRead.Refused(IngestRejection.BadRequest("the body is empty: send the JSON payload", "body"))
                    : PayloadJson.Parse(body, "body");
            }
        }

        return QueryStringPayload.Read(rawQuery);
    }

    /// <summary>No content type is taken as JSON; a charset or other parameter is allowed.</summary>
    private static bool IsAcceptedContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; one byte more means the body is too large.</summary>
    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return ([], true);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return ([], true);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length > limit ? ([], true) : (buffer.AsSpan(0, length).ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
