using System.Net.Sockets;
using System.Text;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Sends a request line exactly as written, byte for byte. HttpClient (through System.Uri) would percent-encode
/// the query, and the point of these tests is the unencoded JSON the original clients send.
/// </summary>
public static class RawHttp
{
    public static async Task<(int Status, string Body)> GetAsync(int port, string pathAndQuery, params (string Name, string Value)[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        var extra = string.Concat(headers.Select(header => $"{header.Name}: {header.Value}\r\n"));
        var request = $"GET {pathAndQuery} HTTP/1.1\r\nHost: localhost:{port}\r\n{extra}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusLine = response[..response.IndexOf("\r\n", StringComparison.Ordinal)];
        var status = int.Parse(statusLine.Split(' ')[1]);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (status, body);
    }
}
