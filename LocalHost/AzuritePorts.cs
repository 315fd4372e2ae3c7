using System.Net;
using System.Net.Sockets;

namespace OpenMetrics.LocalHost;

/// <summary>The three ports of an Azurite instance.</summary>
public sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    public static readonly AzuritePorts Default = new(10000, 10001, 10002);

    /// <summary>Three ports that are free now, for a test's own Azurite.</summary>
    public static AzuritePorts Free()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
        {
            ports.Add(FreePort());
        }

        var distinct = ports.ToArray();
        return new AzuritePorts(distinct[0], distinct[1], distinct[2]);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => $"blob {Blob}, queue {Queue}, table {Table}";
}
