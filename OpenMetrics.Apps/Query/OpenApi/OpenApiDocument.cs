using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;

namespace OpenMetrics.Apps.Query.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of every <c>/api/*</c> and <c>/v1/*</c> route, kept as
/// <c>openapi.json</c> beside this file (embedded in the assembly) so that it reads as the contract it is. A test holds
/// it to <see cref="FunctionCatalog"/>: every route and method there is described, and nothing else.
/// </summary>
public sealed class OpenApiDocument : IQueryHandler
{
    public const string ResourceName = "OpenMetrics.Core.Query.OpenApi.openapi.json";

    private static readonly Lazy<byte[]> Document = new(Load);

    public static byte[] Bytes => Document.Value;

    public Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken) =>
        Task.FromResult(HttpAnswer.Bytes(200, "application/json; charset=utf-8", Document.Value).WithHeader("Cache-Control", "no-cache"));

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
