using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Cli.Imports;

/// <summary>
/// A local server answering the import routes in their documented shapes (docs/imports.md): 202 with the id for an
/// upload, the statuses a test queues for the polls, or the error a test sets (400, 413) for the first upload.
/// </summary>
internal sealed class ImportServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> polls = new();

    private ImportServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Every upload the server took: path and query, the key header, whether gzipped, and the body gunzipped.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? Key, bool Gzip, string ContentType, byte[] Body)> Uploads { get; } = new();

    /// <summary>Set to answer the first upload with this status and JSON body instead of 202.</summary>
    public (int Status, string Body)? StartRefusal { get; set; }

    public int Gets { get; private set; }

    public static async Task<ImportServer> StartAsync()
    {
        var port = AzuritePorts.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new ImportServer(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/api/imports", (Delegate)server.UploadAsync);
        app.MapPost("/api/imports/{id}/parts", (Delegate)server.UploadAsync);
        app.MapGet("/api/imports/{id}", (string id) => server.Poll(id));
        await app.StartAsync();
        return server;
    }

    /// <summary>Queues the answers of the next polls: JSON status objects, the last of which should be done or failed.</summary>
    public void Then(params string[] statuses)
    {
        foreach (var status in statuses)
        {
            polls.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> UploadAsync(HttpContext context)
    {
        if (StartRefusal is { } refusal && Uploads.IsEmpty)
        {
            return Results.Content(refusal.Body, "application/json", statusCode: refusal.Status);
        }

        var gzip = context.Request.Headers.ContentEncoding.ToString() == "gzip";
        var body = new MemoryStream();
        await (gzip ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body).CopyToAsync(body);
        Uploads.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers["x-openmetrics-key"].ToString(),
            gzip, context.Request.ContentType ?? "", body.ToArray()));
        var final = context.Request.Query["final"] == "true";
        return Results.Json(new { id = "imp1", state = final ? "queued" : "uploading" }, statusCode: 202);
    }

    private IResult Poll(string id)
    {
        Gets++;
        return id == "imp1" && polls.TryDequeue(out var status)
            ? Results.Content(status, "application/json")
            : Results.Json(new { error = $"no import {id}" }, statusCode: 404);
    }
}
