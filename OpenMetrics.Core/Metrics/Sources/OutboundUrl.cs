using System.Globalization;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// The URL of something this system calls out to (an HTTP metric source, an alert's webhook), checked when it is
/// saved: absolute http(s), no credentials in it, and not a literal address the <see cref="OutboundAddressRule"/> never
/// allows. The resolved addresses are checked again at every connection; refusing a literal metadata address here answers early.
/// </summary>
public static class OutboundUrl
{
    /// <param name="field">The request field, named in the 400.</param>
    /// <param name="maxLength">The longest URL stored; null for no bound beyond the request's own.</param>
    public static Uri Parse(string text, string field, int? maxLength = null)
    {
        var bound = maxLength is { } max ? string.Create(CultureInfo.InvariantCulture, $" of at most {max:N0} characters") : "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.UserInfo) || text.Length > (maxLength ?? int.MaxValue))
        {
            throw new QueryException($"'{field}' is an absolute http or https URL{bound}, without a user name or password in it.", field);
        }

        if (System.Net.IPAddress.TryParse(url.IdnHost, out var literal) && OutboundAddressRule.NeverAllowed(literal) is { } refusal)
        {
            throw new QueryException($"'{field}' points at {literal}: {refusal}", field);
        }

        return url;
    }
}
