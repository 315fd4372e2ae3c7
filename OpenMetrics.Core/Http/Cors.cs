namespace OpenMetrics.Core.Http;

/// <summary>CORS for the v1 logging API: any page may log (API.md), so every answer allows any origin.</summary>
public static class Cors
{
    public static HttpAnswer AllowAnyOrigin(this HttpAnswer answer) =>
        answer.WithHeader("Access-Control-Allow-Origin", "*");

    /// <summary>The answer to a browser's preflight: the methods and the headers it asked for, cached for a day.</summary>
    public static HttpAnswer Preflight(string? requestedHeaders) => HttpAnswer.Empty(204)
        .AllowAnyOrigin()
        .WithHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .WithHeader("Access-Control-Allow-Headers", string.IsNullOrWhiteSpace(requestedHeaders) ? "Content-Type" : requestedHeaders)
        .WithHeader("Access-Control-Max-Age", "86400");
}
