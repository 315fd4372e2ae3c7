using System.Collections.Concurrent;
using System.Net;
using System.Text;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure.Alerts;

/// <summary>
/// A local webhook endpoint (HttpListener on a free loopback port) that records every request it gets, by path, and
/// answers 200 <c>ok</c> as Slack's incoming webhooks do, unless a test scripted other statuses for the path
/// (<see cref="Script"/>: one status per request, in order, then 200 again). Each test posts to its own path, so it
/// counts only its own deliveries.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var port = AzuritePorts.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>The statuses the next requests to <paramref name="path"/> get, one each.</summary>
    public void Script(string path, params int[] statuses) => _scripts[path] = new ConcurrentQueue<int>(statuses);

    public IReadOnlyList<ReceivedWebhook> To(string path) => [.. _received.Where(request => request.Path == path)];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(name => name is not null)
                .ToDictionary(name => name!, name => context.Request.Headers[name] ?? "", StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedWebhook(path, context.Request.HttpMethod, context.Request.ContentType, headers, body));
            var status = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var scripted) ? scripted : 200;
            context.Response.StatusCode = status;
            var answer = Encoding.UTF8.GetBytes(status == 200 ? "ok" : "server_error");
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

public sealed record ReceivedWebhook(string Path, string Method, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);
