using System.Net;
using System.Net.Sockets;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// The HTTP handler of HTTP sources: it resolves the host itself and checks every address against the
/// <see cref="OutboundAddressRule"/> right before connecting to exactly those addresses, so that what was checked is
/// what is connected to (a name that answers a public address first and the metadata address next cannot slip by).
/// No proxy (the check would see the proxy's address) and no redirects (the app does not follow a URL it did not check).
/// </summary>
internal static class GuardedConnections
{
    public static SocketsHttpHandler Handler(OutboundAddressRule rule) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (addresses.Length == 0)
            {
                throw new OutboundAddressRefusedException($"{host} resolves to no address.");
            }

            foreach (var address in addresses)
            {
                if (rule.Refusal(address) is { } refusal)
                {
                    throw new OutboundAddressRefusedException($"{host} resolves to {address}, {refusal}");
                }
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>An HTTP source's host resolved to an address sources may not fetch; never retried.</summary>
public sealed class OutboundAddressRefusedException : IOException
{
    public OutboundAddressRefusedException()
    {
    }

    public OutboundAddressRefusedException(string message)
        : base(message)
    {
    }

    public OutboundAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
