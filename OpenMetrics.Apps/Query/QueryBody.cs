using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Core.Json;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query;

/// <summary>Reads the JSON object a query or a saved definition is posted as; anything else is a 400, not a 500.</summary>
public static class QueryBody
{
    /// <summary>Queries and definitions are small; this bounds what a caller can make the server parse.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new QueryException($"The body is larger than {MaxBytes} bytes.", null, 413);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new QueryException($"The body is larger than {MaxBytes} bytes.", null, 413);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new QueryException("The body is empty; send a JSON object.");
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new QueryException("The body must be a JSON object.");
            }

            if (UnicodeCheck.Find(document.RootElement, "") is { } invalid)
            {
                throw new QueryException(invalid.Error, invalid.Field);
            }

            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new QueryException($"The body is not valid JSON: {exception.Message}");
        }
    }
}
