using System.Text.Json;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>The fields of an <c>http</c> source: url, method, headers (credentials only by secret name) and the two JSON paths.</summary>
internal static class HttpPullParser
{
    public static HttpPull Parse(JsonElement body)
    {
        var text = SourceParser.RequiredString(body, "url", "the http(s) URL that answers the points as JSON");
        var url = OutboundUrl.Parse(text, "url");
        var method = (SourceParser.OptionalString(body, "method") ?? "GET").ToUpperInvariant();
        if (method is not ("GET" or "POST"))
        {
            throw new QueryException("'method' is GET or POST.", "method");
        }

        return new HttpPull(url, method, Headers(body), JsonPath(body, "timePath"), JsonPath(body, "valuePath"));
    }

    private static string JsonPath(JsonElement body, string name)
    {
        var path = SourceParser.RequiredString(body, name, "a JSON path such as $.data[*].date");
        return path.StartsWith('$') && path.Length <= 500
            ? path
            : throw new QueryException($"'{name}' is a JSON path starting with $, such as $.data[*].date.", name);
    }

    private static List<HttpPullHeader> Headers(JsonElement body)
    {
        var headers = new List<HttpPullHeader>();
        if (!body.TryGetProperty("headers", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return headers;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("'headers' is an object of header names to a value or to {\"secret\": \"NAME\"}.", "headers");
        }

        foreach (var header in element.EnumerateObject())
        {
            var field = $"headers.{header.Name}";
            if (header.Name.Length is 0 or > 100 || !header.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new QueryException("A header name is letters, digits, '-' or '_'.", field);
            }

            headers.Add(header.Value.ValueKind switch
            {
                JsonValueKind.String when SourceFields.IsCredentialHeader(header.Name) =>
                    throw new QueryException($"'{header.Name}' carries a credential: give the name of a secret instead, {{\"secret\": \"NAME\"}}, read from the setting OpenMetrics__Sources__Secrets__NAME (a Key Vault reference in Azure); it is never stored.", field),
                JsonValueKind.String when header.Value.GetString()!.Any(char.IsControl) =>
                    throw new QueryException("A header value may not hold control characters.", field),
                JsonValueKind.String => new HttpPullHeader(header.Name, header.Value.GetString(), null),
                JsonValueKind.Object when header.Value.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String
                    && SourceFields.IsSecretName(secret.GetString()!) => new HttpPullHeader(header.Name, null, secret.GetString()),
                _ => throw new QueryException("A header is a string, or {\"secret\": \"NAME\"} with NAME of letters, digits or '_' (an app setting name).", field),
            });
        }

        return headers.Count <= SourceFields.MaxHeaders
            ? headers
            : throw new QueryException($"At most {SourceFields.MaxHeaders} headers.", "headers");
    }
}
