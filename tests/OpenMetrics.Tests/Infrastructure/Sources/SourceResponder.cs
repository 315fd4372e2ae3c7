using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure.Sources;

/// <summary>
/// A local stand-in for Azure Monitor, Log Analytics and any JSON URL: a real Kestrel on free ports, HTTPS (with a
/// certificate made here, which only <see cref="Transport"/> trusts: Azure.Core sends bearer tokens over HTTPS only)
/// and plain HTTP. Each test says how it answers (<see cref="Reply"/>); every request is recorded as the server saw it.
/// </summary>
public sealed class SourceResponder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate = MakeCertificate();

    public SourceResponder()
    {
        HttpsPort = AzuritePorts.FreePort();
        HttpPort = AzuritePorts.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, HttpsPort, listen => listen.UseHttps(_certificate));
            kestrel.Listen(IPAddress.Loopback, HttpPort);
        });
        _app = builder.Build();
        _app.Run(AnswerAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Transport = new HttpClientTransport(new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificate.Thumbprint },
        }));
    }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    /// <summary>The base URL that stands for management.azure.com or api.loganalytics.azure.com.</summary>
    public Uri Https => new($"https://localhost:{HttpsPort}");

    /// <summary>A plain HTTP base URL on 127.0.0.1, for HTTP sources.</summary>
    public Uri Http => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Reaches <see cref="Https"/>, trusting its certificate and nothing else's.</summary>
    public HttpPipelineTransport Transport { get; }

    /// <summary>How the server answers a request; a 404 until a test says otherwise.</summary>
    public Func<RecordedRequest, Reply> Reply { get; set; } = _ => new Reply(404, "{}");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString.Value,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync());
        Requests.Enqueue(request);
        var reply = Reply(request);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body);
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>One answer: status, JSON body, extra headers (Retry-After, Location).</summary>
public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
