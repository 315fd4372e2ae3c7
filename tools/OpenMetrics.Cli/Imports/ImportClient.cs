using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Cli.Imports;

/// <summary>
/// The import routes of the query API (docs/imports.md): <c>POST /api/imports?format=F&amp;final=…</c> with the file or
/// its first part, <c>POST /api/imports/{id}/parts?final=…</c> with each next part, <c>GET /api/imports/{id}</c> for
/// the progress. The query key goes in <c>x-openmetrics-key</c>, as every /api call takes it (docs/query.md).
/// </summary>
internal sealed class ImportClient(HttpClient http, Uri baseUrl, string key)
{
    public const string KeyHeader = "x-openmetrics-key";

    public Task<ImportStatus> StartAsync(ImportFormat format, ImportPart part, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/imports?format={ImportFormats.Name(format)}&final={Final(part)}", part, cancellationToken);

    public Task<ImportStatus> SendPartAsync(string id, ImportPart part, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/imports/{Uri.EscapeDataString(id)}/parts?final={Final(part)}", part, cancellationToken);

    public Task<ImportStatus> GetAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/imports/{Uri.EscapeDataString(id)}", null, cancellationToken);

    private static string Final(ImportPart part) => part.Final ? "true" : "false";

    private async Task<ImportStatus> SendAsync(HttpMethod method, string path, ImportPart? part, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Base(), path));
        request.Headers.Add(KeyHeader, key);
        if (part is not null)
        {
            var content = new ByteArrayContent(part.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue(part.ContentType);
            if (part.Gzip)
            {
                content.Headers.ContentEncoding.Add("gzip");
            }

            request.Content = content;
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ImportServerException(response.StatusCode, await ErrorAsync(response, cancellationToken).ConfigureAwait(false));
        }

        return await response.Content.ReadFromJsonAsync<ImportStatus>(JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false)
            ?? throw new ImportServerException(response.StatusCode, "the server answered with an empty body");
    }

    private Uri Base() => baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    /// <summary>The server's <c>{"error"}</c>, or what the status says when the body is not ours (a proxy's 413 page).</summary>
    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return $"{status}: {error.GetString()}";
            }
        }
        catch (JsonException)
        {
        }

        return response.StatusCode switch
        {
            HttpStatusCode.RequestEntityTooLarge => $"{status}: the file or part is over the server's size limit (try a smaller --part-mb)",
            HttpStatusCode.Unauthorized => $"{status}: the key is not the query key",
            _ => status,
        };
    }
}
