namespace OpenMetrics.Apps.Http;

/// <summary>CORS for the v1 logging API: any page may log (docs/api-v1.md), so every answer allows any origin.</summary>
public static class Cors
{
    public static HttpAnswer AllowAnyOrigin(this HttpAnswer answer) =>
        answer.WithHeader("Access-Control-Allow-Origin", "*");

    /// <summary>
    /// Retry-After, readable by a page's script too: CORS shows a script only a few response headers unless the
    /// answer names more, and the browser client waits as long as the server asks.
    /// </summary>
    public static HttpAnswer WithRetryAfter(this HttpAnswer answer, int seconds) => answer
        .WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithHeader("Access-Control-Expose-Headers", "Retry-After");

    /// <summary>The answer to a browser's preflight: the methods and the headers it asked for, cached for a day.</summary>
    public static HttpAnswer Preflight(string? requestedHeaders) => HttpAnswer.Empty(204)
        .AllowAnyOrigin()
        .WithHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .WithHeader("Access-Control-Allow-Headers", string.IsNullOrWhiteSpace(requestedHeaders) ? "Content-Type" : requestedHeaders)
        .WithHeader("Access-Control-Max-Age", "86400");
}
