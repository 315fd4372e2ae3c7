using System.Net;
using System.Net.Sockets;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// Which addresses the app may fetch from on a user's behalf (HTTP sources, and later webhooks). A URL is a user's
/// text, so the app could be made to read what only it can reach: the instance metadata service (managed identity
/// tokens), the Azure host's wire server, the virtual network. Never: link-local (169.254.0.0/16, fe80::/10, AWS's
/// fd00:ec2::254), 168.63.129.16, unspecified, multicast and broadcast. Private ranges (10/8, 172.16/12, 192.168/16,
/// 100.64/10, fc00::/7) only when a setting allows them; loopback only on the local host. The check is made on the
/// addresses a name resolves to, at connect time, so a name that resolves elsewhere on the second look (DNS
/// rebinding) is caught too.
/// </summary>
public sealed class OutboundAddressRule(bool allowPrivate, bool allowLoopback)
{
    private static readonly IPAddress AzureWireServer = IPAddress.Parse("168.63.129.16");
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    public bool AllowPrivate { get; } = allowPrivate;

    public bool AllowLoopback { get; } = allowLoopback;

    /// <summary>Why the address may not be fetched, in plain words; null when it may.</summary>
    public string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (NeverAllowed(address) is { } never)
        {
            return never;
        }

        if (IPAddress.IsLoopback(address))
        {
            return AllowLoopback ? null : "a loopback address, which only the local host may fetch.";
        }

        return IsPrivate(address) && !AllowPrivate
            ? "a private network address; set OpenMetrics__Sources__AllowPrivateNetworks=true to allow them."
            : null;
    }

    /// <summary>The addresses no setting opens: instance metadata, the wire server, and what is not one host.</summary>
    public static string? NeverAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.Equals(AzureWireServer))
        {
            return "the Azure host's wire server, which sources may never fetch.";
        }

        if (address.Equals(AwsMetadataV6) || IsLinkLocal(address))
        {
            return "a link-local (instance metadata) address, which sources may never fetch.";
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)
            || IsMulticast(address) || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] == 0))
        {
            return "not the address of one host (unspecified, broadcast or multicast).";
        }

        return null;
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] == 169 && bytes[1] == 254
            : address.IsIPv6LinkLocal;
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork ? address.GetAddressBytes()[0] is >= 224 and <= 239 : address.IsIPv6Multicast;

    private static bool IsPrivate(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // fc00::/7, unique local addresses; fec0::/10, the deprecated site-local ones.
            return (bytes[0] & 0xFE) == 0xFC || address.IsIPv6SiteLocal;
        }

        return bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127);
    }
}
