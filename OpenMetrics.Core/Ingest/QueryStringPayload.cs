namespace OpenMetrics.Core.Ingest;

/// <summary>
/// Finds the JSON payload of a GET call in the raw query string. The original clients write
/// <c>'?q=' + JSON.stringify(payload)</c> without encoding, so a <c>&amp;</c> inside a string value splits the query
/// string and a <c>+</c> is a plus, not a space. So the raw query string is read here, never the framework's
/// decoded <c>Request.Query</c>.
/// </summary>
internal static class QueryStringPayload
{
    /// <summary>Reads <c>q</c>: first up to the next <c>&amp;</c>, then through each further <c>&amp;</c> to the end.</summary>
    public static PayloadRead Read(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        var start = FindValueStart(query);
        if (start < 0)
        {
            return PayloadRead.Refused(IngestRejection.BadRequest("q is missing: send the JSON payload as ?q={...}", "q"));
        }

        var end = query.IndexOf('&', start);
        PayloadRead? firstFailure = null;
        while (true)
        {
            var candidate = end < 0 ? query[start..] : query[start..end];
            var read = ParseCandidate(candidate);
            if (read.Payload is not null)
            {
                return read;
            }

            firstFailure ??= read;
            if (end < 0)
            {
                return firstFailure;
            }

            end = query.IndexOf('&', end + 1);
        }
    }

    private static int FindValueStart(string query)
    {
        if (query.StartsWith("q=", StringComparison.Ordinal))
        {
            return 2;
        }

        var index = query.IndexOf("&q=", StringComparison.Ordinal);
        return index < 0 ? -1 : index + 3;
    }

    private static PayloadRead ParseCandidate(string raw)
    {
        if (raw.Length == 0)
        {
            return PayloadRead.Refused(IngestRejection.BadRequest("q is empty: send the JSON payload as ?q={...}", "q"));
        }

        return PayloadJson.Parse(Decode(raw), "q");
    }

    /// <summary>
    /// A value that starts with a raw <c>{</c> came from an original client: only %XX escapes (added by the browser)
    /// are decoded and <c>+</c> stays a plus. A fully encoded value (URLSearchParams, curl --data-urlencode) uses
    /// form encoding, where <c>+</c> is a space.
    /// </summary>
    private static string Decode(string raw)
    {
        var formEncoded = !raw.StartsWith('{') && !raw.StartsWith('[');
        var text = formEncoded ? raw.Replace('+', ' ') : raw;
        return Uri.UnescapeDataString(text);
    }
}
