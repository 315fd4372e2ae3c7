using System.Net;
using Microsoft.AspNetCore.Http;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// The address a call counts against for the per-IP limit. In Azure Functions the worker sees the Functions host, not
/// the client, and the platform's front end puts the client's address (with its port) into <c>X-Forwarded-For</c>. A
/// client may send its own X-Forwarded-For, which the front end keeps and appends to, so only the last entry is the
/// platform's; an entry to its left is whatever the client wrote. Without the header (the local host), the
/// connection's own address.
/// </summary>
internal static class ClientAddress
{
    public const string ForwardedFor = "X-Forwarded-For";

    public static string Of(HttpRequest request)
    {
        var forwarded = request.Headers[ForwardedFor].ToString();
        var last = forwarded[(forwarded.LastIndexOf(',') + 1)..].Trim();
        if (last.Length > 0 && Parse(last) is { } address)
        {
            return address.ToString();
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote ? Normal(remote).ToString() : "unknown";
    }

    /// <summary>"203.0.113.7", "203.0.113.7:50122", "2001:db8::1" or "[2001:db8::1]:443".</summary>
    private static IPAddress? Parse(string entry)
    {
        if (IPAddress.TryParse(entry, out var bare))
        {
            return Normal(bare);
        }

        return IPEndPoint.TryParse(entry, out var endPoint) ? Normal(endPoint.Address) : null;
    }

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
