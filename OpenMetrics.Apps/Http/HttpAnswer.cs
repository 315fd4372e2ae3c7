using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OpenMetrics.Apps.Http;

/// <summary>
/// A finished HTTP answer. It is both an MVC <see cref="IActionResult"/> (what an Azure Functions HTTP trigger with
/// ASP.NET Core integration returns) and a minimal-API <see cref="IResult"/> (what the local host returns), so the
/// function classes and the local host share every handler unchanged.
/// </summary>
public sealed class HttpAnswer : IActionResult, IResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<Stream, CancellationToken, Task>? _stream;

    private HttpAnswer(int status, string? contentType, byte[] body, Func<Stream, CancellationToken, Task>? stream = null)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        _stream = stream;
    }

    public int Status { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    public IReadOnlyDictionary<string, string> Headers => _headers;

    public static HttpAnswer Text(int status, string text) =>
        new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    public static HttpAnswer Json<T>(int status, T value, JsonTypeInfo<T> typeInfo) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public static HttpAnswer Bytes(int status, string contentType, byte[] body) => new(status, contentType, body);

    public static HttpAnswer Empty(int status) => new(status, null, []);

    /// <summary>An answer too large to hold in memory: <paramref name="write"/> writes the body to the response as it goes.</summary>
    public static HttpAnswer Streamed(int status, string contentType, Func<Stream, CancellationToken, Task> write) => new(status, contentType, [], write);

    public HttpAnswer WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (_stream is not null)
        {
            await _stream(response.Body, httpContext.RequestAborted);
            return;
        }

        response.ContentLength = Body.Length;
        if (Body.Length > 0)
        {
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
