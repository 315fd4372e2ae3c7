namespace OpenMetrics.Tests.Infrastructure.Sources;

/// <summary>
/// Answers in the documented shapes: the metrics REST API's <c>value[].timeseries[].metadatavalues/data[]</c>, the
/// Log Analytics query API's <c>tables[].columns/rows</c>, and Azure's error body <c>{"error": {"code", "message", "innererror"}}</c>.
/// </summary>
public static class SourceReplies
{
    public static Reply Json(string body) => new(200, body);

    public static Reply Error(int status, string code, string message, string? innerCode = null, string? innerMessage = null) =>
        new(status, innerCode is null
            ? $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}"""
            : $$$$"""{"error":{"code":"{{{{code}}}}","message":"{{{{message}}}}","correlationId":"7d3c0a52","innererror":{"code":"{{{{innerCode}}}}","message":"{{{{innerMessage}}}}"}}}""");

    public static Reply Throttled(string retryAfterHeader, string value) =>
        new(429, """{"error":{"code":"TooManyRequests","message":"Rate limit exceeded."}}""", new Dictionary<string, string> { [retryAfterHeader] = value });
}
