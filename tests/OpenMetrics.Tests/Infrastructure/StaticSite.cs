using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A tiny web site on its own origin (http://127.0.0.1 on a free port, where the local host is http://localhost on
/// another), serving the pages a test puts there: what a customer's site is to the ingest app, so that every call the
/// browser makes to it is cross-origin, as in production.
/// </summary>
public sealed class StaticSite : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _pages = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = AzuritePorts.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapGet("/{*path}", (string? path) => _pages.TryGetValue("/" + path, out var html)
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.NotFound());
        await _app.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Puts an HTML page at <paramref name="path"/> (starting with a slash) and returns its address.</summary>
    public Uri Put(string path, string html)
    {
        _pages[path] = html;
        return new Uri(BaseAddress, path);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
