using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>The imports API as a client calls it, and the aggregate app's imports queue drained on demand (no poller runs).</summary>
public static class ImportsApi
{
    public sealed record Upload(HttpStatusCode Status, JsonElement Body)
    {
        public string Id => Body.GetProperty("id").GetString()!;
    }

    /// <summary>POSTs a file (or a part, with <paramref name="importId"/>) with the query key.</summary>
    public static async Task<Upload> UploadAsync(this LocalHostFixture host, string format, byte[] body, bool gzip = false, bool final = true, string? importId = null)
    {
        var route = importId is null ? $"/api/imports?format={format}&final={(final ? "true" : "false")}" : $"/api/imports/{importId}/parts?final={(final ? "true" : "false")}";
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var response = await host.Api.PostAsync(route, content);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return new Upload(response.StatusCode, document.RootElement.Clone());
    }

    public static Task<Upload> UploadAsync(this LocalHostFixture host, string format, string text, bool final = true, string? importId = null) =>
        host.UploadAsync(format, Encoding.UTF8.GetBytes(text), false, final, importId);

    /// <summary>Uploads a whole file, processes its chunks and returns <c>GET /api/imports/{id}</c>.</summary>
    public static async Task<JsonElement> ImportAsync(this LocalHostFixture host, string format, string text)
    {
        var upload = await host.UploadAsync(format, text);
        Assert.True(upload.Status == HttpStatusCode.Accepted, $"{(int)upload.Status}: {upload.Body}");
        await host.ProcessImportsAsync();
        return await host.GetQueryAsync($"/api/imports/{upload.Id}");
    }

    public static QueueClientFor Queue(this LocalHostFixture host) => new(host.Storage.Queues().GetQueueClient(StorageNames.ImportsQueue));

    /// <summary>Processes every chunk message now with the queue function's handler, deleting each as the runtime does on success.</summary>
    public static async Task ProcessImportsAsync(this LocalHostFixture host)
    {
        var handler = host.Services.GetRequiredService<ImportQueueHandler>();
        foreach (var (body, id) in await host.Queue().TakeAsync())
        {
            await handler.HandleAsync(body, id, 1, CancellationToken.None);
        }
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>The v1 event lines of a file, one JSON object a line.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public sealed class QueueClientFor(Azure.Storage.Queues.QueueClient queue)
    {
        /// <summary>Takes every message off the imports queue, in queue order.</summary>
        public async Task<List<(BinaryData Body, string Id)>> TakeAsync()
        {
            await queue.CreateIfNotExistsAsync();
            var taken = new List<(BinaryData, string)>();
            while (true)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                if (batch.Length == 0)
                {
                    return taken;
                }

                foreach (var message in batch)
                {
                    taken.Add((message.Body, message.MessageId));
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        }
    }
}
